package io.tfjlab.training.steps;

import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.multibindings.MapBinder;
import io.tfjlab.models.zoo.Phase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of step kinds: which {@link TrainingStep.Factory} trains a phase. A phase names its
 * kind ({@code Phase.withStepKind("consistency")}); a phase that names none gets today's rule:
 * {@value AdversarialStep#KIND} when it has a generator side ({@code Phase.adversarial}), else
 * {@value SupervisedStep#KIND}. With Guice, {@code TrainingModule} binds the built-in kinds; add
 * one from any module without touching the loop:
 *
 * <pre>{@code
 * TrainingSteps.bind(binder()).addBinding("consistency").toInstance(new ConsistencyStep.Factory());
 * }</pre>
 *
 * Without Guice: {@code TrainingSteps.builtIn().with("consistency", factory)}.
 */
public final class TrainingSteps {
  private final Map<String, TrainingStep.Factory> factories;

  @Inject
  public TrainingSteps(Map<String, TrainingStep.Factory> factories) {
    this.factories = new TreeMap<>(factories);
  }

  /** The built-in kinds: supervised and adversarial. */
  public static TrainingSteps builtIn() {
    return new TrainingSteps(builtInFactories());
  }

  static Map<String, TrainingStep.Factory> builtInFactories() {
    Map<String, TrainingStep.Factory> m = new LinkedHashMap<>();
    m.put(SupervisedStep.KIND, new SupervisedStep.Factory());
    m.put(AdversarialStep.KIND, new AdversarialStep.Factory());
    return m;
  }

  /** The Guice map of step kinds, to add a kind to: {@code bind(binder()).addBinding(kind)}. */
  public static MapBinder<String, TrainingStep.Factory> bind(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, TrainingStep.Factory.class);
  }

  /** Binds the built-in kinds (what {@code TrainingModule} does). */
  public static void bindBuiltIn(Binder binder) {
    MapBinder<String, TrainingStep.Factory> m = bind(binder);
    builtInFactories().forEach((kind, f) -> m.addBinding(kind).toInstance(f));
  }

  /** These kinds and {@code kind} (replacing a kind of the same name). */
  public TrainingSteps with(String kind, TrainingStep.Factory factory) {
    Map<String, TrainingStep.Factory> m = new TreeMap<>(factories);
    m.put(kind, factory);
    return new TrainingSteps(m);
  }

  /** The kind a phase trains with: the one it names, else adversarial or supervised. */
  public static String kindOf(Phase phase) {
    return phase
        .stepKind()
        .orElse(phase.adversarial().isPresent() ? AdversarialStep.KIND : SupervisedStep.KIND);
  }

  /** The factory of a phase's kind; an unknown kind is a one-line error naming the fix. */
  public TrainingStep.Factory factory(Phase phase) {
    String kind = kindOf(phase);
    TrainingStep.Factory f = factories.get(kind);
    if (f == null) {
      throw new IllegalArgumentException(
          "phase "
              + phase.name()
              + " trains with step kind '"
              + kind
              + "', which is not registered (registered: "
              + String.join(", ", factories.keySet())
              + "); register it with TrainingSteps.bind(binder()).addBinding(\""
              + kind
              + "\") in a Guice module, "
              + "or TrainingSteps.builtIn().with(\""
              + kind
              + "\", factory)");
    }
    return f;
  }

  /** The registered kinds, sorted. */
  public Map<String, TrainingStep.Factory> factories() {
    return Collections.unmodifiableMap(new TreeMap<>(factories));
  }
}
