/**
 * The Java API of tfjlab: train, evaluate, reload, export and predict from a Java program in a few
 * lines, without building graphs, sessions or Guice injectors by hand.
 *
 * <ul>
 *   <li>{@link io.tfjlab.api.Experiment}: what to train (a built-in model, or a network defined in
 *       Java; a catalog data set, a toy problem or your own images), built like a Keras / Lightning
 *       configuration; {@code fit()} trains one run folder as {@code tfjlab train}.
 *   <li>{@link io.tfjlab.api.TrainedRun}: a finished run folder: test result, history, and its
 *       checkpoint reloaded to {@code evaluate()}, {@code export(Path)} and {@code
 *       predict(images)}.
 *   <li>{@link io.tfjlab.api.ExportedModel}: an exported SavedModel, loaded as TensorFlow Serving
 *       would, to predict without the run folder.
 *   <li>{@link io.tfjlab.api.Images}: images for a model, loaded from PNG/JPEG files and brought to
 *       the model's input with TensorFlow's eager mode (the only eager code of the project).
 * </ul>
 *
 * <p>Training, checkpoints and export run in graph mode, through tf-training's {@code RunExecutor},
 * {@code RestoredRun} and {@code SavedModelExport}; evaluation and SavedModel loading through
 * tf-eval.
 */
package io.tfjlab.api;
