package io.tfjlab.training.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spec field a command-line option sets, as a dotted JSON path ({@code
 * optimizer.learningRate}). {@link OptionLayer} turns every given option into one layer of the
 * spec, so an option and the same value in a spec file resolve alike. Adding an option to a model =
 * one record component and one annotated picocli field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SpecPath {
  String value();
}
