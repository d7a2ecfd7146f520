package io.tfjlab.training.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Values a run spec may hold but that are probably not meant: each gives one {@code warning:} line
 * on standard error when a run starts, and the run goes on. The thresholds are the constants below,
 * the one place they are written. (Label smoothing needs none: the sgan family already refuses 0.5
 * or more.)
 */
public final class SpecWarnings {
  /** Adam and RMSProp: a learning rate above this usually diverges. */
  public static final double MAX_ADAPTIVE_LEARNING_RATE = 0.1;

  /** SGD and momentum: a learning rate above this usually diverges. */
  public static final double MAX_SGD_LEARNING_RATE = 1.0;

  /** A dropout rate at or above this drops almost every unit. */
  public static final double MAX_DROPOUT = 0.9;

  /** A validation fraction above this leaves less than half of the images for training. */
  public static final double MAX_VALIDATION = 0.5;

  /** Epochs (of any phase) above this. */
  public static final int MAX_EPOCHS = 1000;

  /** An L2 weight above this outweighs the loss of any classifier here. */
  public static final double MAX_L2 = 0.1;

  private SpecWarnings() {}

  /** The warnings a spec gives before its data is read (each one line, starting "warning: "). */
  public static List<String> of(RunSpec spec) {
    List<String> out = new ArrayList<>();
    double lr = spec.optimizer().learningRate();
    String opt = spec.optimizer().name();
    boolean adaptive = opt.equals("adam") || opt.equals("rmsprop");
    double maxLr = adaptive ? MAX_ADAPTIVE_LEARNING_RATE : MAX_SGD_LEARNING_RATE;
    if (lr > maxLr) {
      out.add(
          String.format(
              Locale.ROOT,
              "learning rate %s for %s is above %s, where training usually diverges; is --lr meant?",
              num(lr),
              opt,
              num(maxLr)));
    }
    JsonNode model = Json.MAPPER.valueToTree(spec.model());
    dropouts(model, "model", out);
    if (spec.validation() > MAX_VALIDATION) {
      out.add(
          String.format(
              Locale.ROOT,
              "validation fraction %s holds out more than %s of the training images; is"
                  + " --validation meant?",
              num(spec.validation()),
              num(MAX_VALIDATION)));
    }
    if (spec.epochs() > MAX_EPOCHS) {
      out.add(
          String.format(
              Locale.ROOT,
              "%d epochs is more than %d; is --epochs meant?",
              spec.epochs(),
              MAX_EPOCHS));
    }
    if (spec.pretrainEpochs() > MAX_EPOCHS) {
      out.add(
          String.format(
              Locale.ROOT,
              "%d pre-training epochs is more than %d; is --pretrain-epochs meant?",
              spec.pretrainEpochs(),
              MAX_EPOCHS));
    }
    if (spec.l2() > MAX_L2) {
      out.add(
          String.format(
              Locale.ROOT,
              "L2 weight %s is above %s and will outweigh the loss; is --l2 meant?",
              num(spec.l2()),
              num(MAX_L2)));
    }
    if (spec.patience() != null && spec.patience() >= spec.epochs()) {
      out.add(
          String.format(
              Locale.ROOT,
              "patience %d is not below the %d epochs, so early stopping can never stop the run;"
                  + " is --patience meant?",
              spec.patience(),
              spec.epochs()));
    }
    return out.stream().map(w -> "warning: " + w).toList();
  }

  /**
   * The warning a batch size larger than the images a phase trains on gives, once the data is known
   * (the batch is then the whole set).
   *
   * @param labeledImages the labeled training images (all training images when every one is
   *     labeled)
   */
  public static List<String> ofData(RunSpec spec, int labeledImages) {
    if (labeledImages > 0 && spec.batchSize() > labeledImages) {
      return List.of(
          String.format(
              Locale.ROOT,
              "warning: batch size %d is larger than the %d labeled training images, so each"
                  + " labeled batch is the whole set; is --batch-size meant?",
              spec.batchSize(),
              labeledImages));
    }
    return List.of();
  }

  private static void dropouts(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      JsonNode d = node.path("dropout");
      if (d.isNumber() && d.asDouble() >= MAX_DROPOUT) {
        out.add(dropout(path + ".dropout", d.asDouble()));
      }
      if ("dropout".equals(node.path("type").asText()) && node.path("rate").isNumber()) {
        double r = node.path("rate").asDouble();
        if (r >= MAX_DROPOUT) {
          out.add(dropout(path + ".rate", r));
        }
      }
      JsonNode layers = node.path("layers");
      for (int i = 0; i < layers.size(); i++) {
        dropouts(layers.get(i), path + ".layers[" + i + "]", out);
      }
    }
  }

  private static String dropout(String where, double rate) {
    return String.format(
        Locale.ROOT,
        "%s %s is at or above %s: almost every unit is dropped; is the dropout rate meant?",
        where,
        num(rate),
        num(MAX_DROPOUT));
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
