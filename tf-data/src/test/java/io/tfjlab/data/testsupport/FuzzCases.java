package io.tfjlab.data.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The loop of the seeded mutation tests: each case's file is read, and must either read or be
 * refused with the project's one-line error, within a time limit; at the end the counts are printed
 * and a quarter of the cases at least must have been refused (or the mutations test nothing).
 */
public final class FuzzCases {
  private FuzzCases() {}

  /** Reads one case's file; returns normally when it reads, throws when it is refused. */
  public interface Reader {
    void read(Path file) throws Exception;
  }

  /** Writes case {@code c}'s mutated file, drawing from {@code rng}. */
  public interface CaseFile {
    Path write(int c, Random rng) throws Exception;
  }

  /** Runs {@code cases} cases of {@code name}. */
  public static void check(
      String name, int cases, Random rng, long caseMillis, CaseFile file, Reader reader)
      throws Exception {
    int refused = 0;
    List<String> failures = new ArrayList<>();
    for (int c = 0; c < cases; c++) {
      Path f = file.write(c, rng);
      long t0 = System.nanoTime();
      try {
        reader.read(f);
      } catch (DataFormatException | IllegalArgumentException e) {
        refused++;
        String msg = e.getMessage();
        if (msg == null || msg.isBlank() || msg.contains("\n")) {
          failures.add("case " + c + ": unclear message: " + msg);
        }
      } catch (Throwable t) {
        failures.add("case " + c + ": " + t);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms > caseMillis) {
        failures.add("case " + c + ": took " + ms + " ms");
      }
      Files.delete(f);
    }
    System.out.println(
        name
            + " fuzz: "
            + cases
            + " cases, "
            + refused
            + " refused, "
            + failures.size()
            + " failures");
    assertThat(failures).as(name).isEmpty();
    assertThat(refused).as(name + " refused").isGreaterThan(cases / 4);
  }
}
