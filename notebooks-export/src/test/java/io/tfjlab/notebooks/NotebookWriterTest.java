package io.tfjlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookWriterTest {
  @TempDir Path dir;

  /** A small checkered PNG. */
  static Path png(Path file, Color color) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 6; y++) {
        image.setRGB(x, y, (x + y) % 2 == 0 ? color.getRGB() : Color.WHITE.getRGB());
      }
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer");
    }
    return file;
  }

  private Notebook sample() throws IOException {
    Path png = png(dir.resolve("figures/loss curve.png"), Color.RED);
    return new NotebookBuilder(dir)
        .markdown("# Title\n\nline two")
        .code(
            "print(1)\nprint(2)\n",
            List.of(new Output.Stream("stdout", "1\n2\n"), new Output.ExecuteResult(3, "3")))
        .figure("loss curve", png)
        .table(List.of("a|b", "c"), List.of(List.of("x|y", "z")))
        .build();
  }

  @Test
  void writesNbformat45WithIdsMetadataAndSourceLines() throws IOException {
    JsonNode root = new ObjectMapper().readTree(NotebookWriter.toJson(sample()));
    assertThat(root.path("nbformat").asInt()).isEqualTo(4);
    assertThat(root.path("nbformat_minor").asInt()).isEqualTo(5);
    assertThat(root.at("/metadata/kernelspec/name").asText()).isEqualTo("python3");
    assertThat(root.at("/metadata/language_info/name").asText()).isEqualTo("python");
    JsonNode cells = root.path("cells");
    assertThat(cells).hasSize(4);
    assertThat(cells.get(0).path("id").asText()).isEqualTo("cell-0001");
    assertThat(cells.get(3).path("id").asText()).isEqualTo("cell-0004");
    assertThat(cells.get(0).path("source").toString())
        .isEqualTo("[\"# Title\\n\",\"\\n\",\"line two\"]");
    JsonNode code = cells.get(1);
    assertThat(code.path("cell_type").asText()).isEqualTo("code");
    assertThat(code.has("execution_count")).isTrue();
    assertThat(code.path("execution_count").isNull()).isTrue();
    assertThat(code.path("source").toString()).isEqualTo("[\"print(1)\\n\",\"print(2)\\n\"]");
    assertThat(code.at("/outputs/0/output_type").asText()).isEqualTo("stream");
    assertThat(code.at("/outputs/0/name").asText()).isEqualTo("stdout");
    assertThat(code.at("/outputs/1/output_type").asText()).isEqualTo("execute_result");
    assertThat(code.at("/outputs/1/execution_count").asInt()).isEqualTo(3);
    JsonNode figure = cells.get(2);
    assertThat(figure.path("source").toString())
        .contains("from IPython.display import Image, display")
        .contains("display(Image(filename=\\\"figures/loss curve.png\\\"))");
    JsonNode out = figure.path("outputs").get(0);
    assertThat(out.path("output_type").asText()).isEqualTo("display_data");
    assertThat(Base64.getDecoder().decode(out.at("/data/image~1png").asText()))
        .isEqualTo(Files.readAllBytes(dir.resolve("figures/loss curve.png")));
    assertThat(out.at("/data/text~1plain/0").asText()).isEqualTo("loss curve");
    assertThat(cells.get(3).path("source").get(0).asText()).isEqualTo("| a\\|b | c |\n");
  }

  @Test
  void sameInputGivesSameBytesAndJupyterLayout() throws IOException {
    String a = NotebookWriter.toJson(sample());
    String b = NotebookWriter.toJson(sample());
    assertThat(a).isEqualTo(b);
    assertThat(a)
        .startsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",")
        .endsWith("}\n");
    assertThat(a).contains("\"metadata\": {},").doesNotContain("[ ]").doesNotContain("{ }");
  }

  @Test
  void emptySourceIsEmptyList() {
    assertThat(NotebookWriter.splitLines("")).isEmpty();
    assertThat(NotebookWriter.splitLines("a\n\nb\n")).containsExactly("a\n", "\n", "b\n");
  }

  @Test
  void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out/run.ipynb");
    Notebook nb = sample();
    NotebookWriter.write(new NotebookBuilder(dir).markdown("old").build(), target);
    NotebookWriter.write(nb, target);
    assertThat(Files.readString(target)).isEqualTo(NotebookWriter.toJson(nb));
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void failedWriteLeavesTargetUntouchedAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("blocked.ipynb");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep.txt"), "x");
    assertThatThrownBy(() -> NotebookWriter.write(sample(), target))
        .isInstanceOf(IOException.class);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("blocked.ipynb", "figures");
    }
    assertThat(target.resolve("keep.txt")).hasContent("x");
  }

  @Test
  void rejectsBadIdsAndDuplicates() {
    assertThatThrownBy(() -> new Cell.Markdown("bad id", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Notebook(List.of(new Cell.Markdown("a", "x"), new Cell.Markdown("a", "y"))))
        .hasMessageContaining("duplicate cell id a");
  }

  @Test
  void figureMustBeAPng() throws IOException {
    Path txt = Files.writeString(dir.resolve("x.png"), "not a png");
    assertThatThrownBy(() -> new NotebookBuilder(dir).figure("x", txt))
        .hasMessage("not a PNG image: " + txt);
    assertThatThrownBy(() -> new NotebookBuilder(dir).figure("x", dir.resolve("missing.png")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot read figure");
  }
}
