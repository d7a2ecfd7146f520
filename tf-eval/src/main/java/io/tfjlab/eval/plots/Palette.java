package io.tfjlab.eval.plots;

import java.awt.Color;
import java.util.List;

/** The ten colours of matplotlib's "tab10" cycle, used for one colour per class. */
public final class Palette {

  /** tab10, in order; class {@code c} gets {@code TAB10.get(c % 10)}. */
  public static final List<Color> TAB10 =
      List.of(
          new Color(0x1f77b4),
          new Color(0xff7f0e),
          new Color(0x2ca02c),
          new Color(0xd62728),
          new Color(0x9467bd),
          new Color(0x8c564b),
          new Color(0xe377c2),
          new Color(0x7f7f7f),
          new Color(0xbcbd22),
          new Color(0x17becf));

  private Palette() {}

  /** Colour of class {@code c}. */
  public static Color of(int c) {
    return TAB10.get(Math.floorMod(c, TAB10.size()));
  }
}
