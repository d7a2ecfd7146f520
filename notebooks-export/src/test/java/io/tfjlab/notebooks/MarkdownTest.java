package io.tfjlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void escapesPipesBackslashesEmphasisHtmlAndNewlines() {
    assertThat(Markdown.escape("a|b\\c *d* _e_ <f> & g\nh"))
        .isEqualTo("a\\|b\\\\c \\*d\\* \\_e\\_ &lt;f> &amp; g h");
  }

  @Test
  void tableHasHeaderSeparatorAndPaddedRows() {
    String t =
        Markdown.table(List.of("Model", "Acc"), List.of(List.of("x|y", "94.15%"), List.of("z")));
    assertThat(t).isEqualTo("| Model | Acc |\n| --- | --- |\n| x\\|y | 94.15% |\n| z |  |\n");
    assertThatThrownBy(() -> Markdown.table(List.of("a"), List.of(List.of("1", "2"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fenceIsLongerThanBackticksInside() {
    assertThat(Markdown.fenced("text", "a ```` b")).startsWith("`````text\n").endsWith("\n`````\n");
    assertThat(Markdown.fenced(null, "x\n")).isEqualTo("```\nx\n```\n");
  }

  @Test
  void numbersAreRoundedWithoutLocale() {
    assertThat(Format.number("0.191998")).isEqualTo("0.192");
    assertThat(Format.number("0.00100000")).isEqualTo("0.001");
    assertThat(Format.number("12")).isEqualTo("12");
    assertThat(Format.number("classifier")).isEqualTo("classifier");
    assertThat(Format.percent(0.9415)).isEqualTo("94.15%");
    assertThat(Format.thousands(1190346)).isEqualTo("1,190,346");
    assertThat(Format.duration(900.1)).isEqualTo("15.0 min");
  }
}
