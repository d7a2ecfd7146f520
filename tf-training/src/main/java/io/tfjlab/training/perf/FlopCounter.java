package io.tfjlab.training.perf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.NodeOutput;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Counts the FLOPs of traced session calls ({@code RunOptions} full trace with {@code
 * output_partition_graphs}): the executed graphs (after Grappler and the oneDNN rewrite, so fused
 * and {@code _Mkl} ops are seen as they ran) give each node's op, inputs and attributes, the step
 * statistics give every output's runtime shape. A node's input shapes are its producers' recorded
 * outputs, else the static shape {@code staticShapes} knows (e.g. from the original graph).
 *
 * <ul>
 *   <li>MatMul {@code [m,k]·[k,n]}: 2·m·k·n; BatchMatMul: 2·(output elements)·k.
 *   <li>Conv2D: 2·kh·kw·cin·cout·H·W·batch (H, W of the output); Conv2DBackpropInput the same with
 *       the incoming gradient's H, W; Conv2DBackpropFilter the same (the filter is its output).
 * </ul>
 */
public final class FlopCounter {
  private static final Set<String> ELEMENTWISE =
      Set.of(
          "Relu",
          "ReluGrad",
          "LeakyRelu",
          "LeakyReluGrad",
          "Tanh",
          "TanhGrad",
          "Sigmoid",
          "SigmoidGrad",
          "Softplus",
          "SoftplusGrad",
          "Elu",
          "EluGrad",
          "Add",
          "AddV2",
          "Sub",
          "Mul",
          "RealDiv",
          "Div",
          "DivNoNan",
          "Neg",
          "Square",
          "Sqrt",
          "Rsqrt",
          "Exp",
          "Log",
          "Log1p",
          "Maximum",
          "Minimum",
          "SquaredDifference",
          "BiasAdd",
          "Select",
          "SelectV2",
          "Softmax",
          "LogSoftmax",
          "SoftmaxCrossEntropyWithLogits",
          "Reciprocal",
          "Abs",
          "Pow",
          "SqrtGrad",
          "RsqrtGrad",
          "AddN",
          "FusedBatchNormV3",
          "FusedBatchNormGradV3");
  private static final Set<String> REDUCTIONS =
      Set.of("Sum", "Mean", "Max", "Min", "Prod", "BiasAddGrad", "L2Loss");
  private static final int ADAM_FLOPS_PER_PARAMETER = 10;

  private FlopCounter() {}

  /** The FLOPs of the traced calls of one step, input shapes from the trace only. */
  public static StepFlops count(List<RunMetadata> calls) {
    return count(calls, n -> Optional.empty());
  }

  /**
   * The FLOPs of the traced calls of one step; {@code staticShapes} maps an output ({@code
   * node:slot}) to its static shape where the trace recorded none.
   */
  public static StepFlops count(
      List<RunMetadata> calls, Function<String, Optional<long[]>> staticShapes) {
    long matmul = 0;
    long conv = 0;
    long elementwise = 0;
    Map<String, Long> byOp = new TreeMap<>();
    List<String> unresolved = new ArrayList<>();
    for (RunMetadata m : calls) {
      Map<String, long[]> shapes = runtimeShapes(m);
      Function<String, Optional<long[]>> shapeOf =
          out -> {
            long[] s = shapes.get(out);
            return s != null ? Optional.of(s) : staticShapes.apply(out);
          };
      for (GraphDef g : m.getPartitionGraphsList()) {
        for (NodeDef n : g.getNodeList()) {
          String op = canonical(n.getOp());
          Optional<long[]> out = shapeOf.apply(n.getName() + ":0");
          Optional<Long> f = denseFlops(op, n, out, shapeOf);
          if (f.isPresent()) {
            long v = f.get();
            if (op.contains("MatMul")) {
              matmul += v;
            } else {
              conv += v;
            }
            byOp.merge(n.getOp(), v, Long::sum);
          } else if (isDense(op)) {
            unresolved.add(n.getName() + " (" + n.getOp() + ")");
          } else if (ELEMENTWISE.contains(op) && out.isPresent()) {
            elementwise += elements(out.get());
          } else if (REDUCTIONS.contains(op)) {
            elementwise += input(n, 0, shapeOf).map(FlopCounter::elements).orElse(0L);
          } else if (op.startsWith("ApplyAdam") || op.startsWith("ResourceApplyAdam")) {
            elementwise +=
                ADAM_FLOPS_PER_PARAMETER
                    * input(n, 0, shapeOf).map(FlopCounter::elements).orElse(0L);
          }
        }
      }
    }
    return new StepFlops(matmul, conv, elementwise, byOp, unresolved);
  }

  /**
   * The static shape of {@code node:slot} in {@code graph}, where every dimension is known (the
   * fallback for outputs the trace did not record).
   */
  public static Function<String, Optional<long[]>> staticShapes(Graph graph) {
    return out -> {
      int colon = out.lastIndexOf(':');
      GraphOperation op = graph.operation(out.substring(0, colon));
      int slot = Integer.parseInt(out.substring(colon + 1));
      if (op == null || slot >= op.numOutputs()) {
        return Optional.empty();
      }
      Shape s = op.output(slot).shape();
      return s.isUnknown() || s.hasUnknownDimension() ? Optional.empty() : Optional.of(s.asArray());
    };
  }

  /**
   * The op type without the prefixes of TensorFlow's rewrites: {@code _MklNativeFusedMatMul},
   * {@code _FusedConv2D}, {@code _MklConv2DWithBias} are MatMul, Conv2D, Conv2D.
   */
  static String canonical(String op) {
    String t = op;
    for (String p : List.of("_MklNative", "_Mkl", "_")) {
      if (t.startsWith(p)) {
        t = t.substring(p.length());
        break;
      }
    }
    if (t.startsWith("Fused") && !t.startsWith("FusedBatchNorm")) {
      t = t.substring("Fused".length());
    }
    if (t.endsWith("WithBias")) {
      t = t.substring(0, t.length() - "WithBias".length());
    }
    return t;
  }

  private static boolean isDense(String op) {
    return op.equals("MatMul")
        || op.startsWith("BatchMatMul")
        || op.equals("Conv2D")
        || op.equals("Conv2DBackpropInput")
        || op.equals("Conv2DBackpropFilter")
        || op.startsWith("DepthwiseConv2dNative");
  }

  private static Optional<Long> denseFlops(
      String op, NodeDef n, Optional<long[]> out, Function<String, Optional<long[]>> shapeOf) {
    if (!isDense(op)) {
      return Optional.empty();
    }
    switch (op) {
      case "MatMul" -> {
        Optional<long[]> a = input(n, 0, shapeOf);
        if (out.isEmpty() || a.isEmpty() || a.get().length != 2) {
          return Optional.empty();
        }
        long k = a.get()[flag(n, "transpose_a") ? 0 : 1];
        return Optional.of(2 * elements(out.get()) * k);
      }
      case "Conv2D" -> {
        Optional<long[]> w = input(n, 1, shapeOf);
        if (out.isEmpty() || w.isEmpty() || w.get().length != 4) {
          return Optional.empty();
        }
        long[] f = w.get();
        return Optional.of(2 * elements(out.get()) * f[0] * f[1] * f[2]);
      }
      case "Conv2DBackpropInput" -> {
        Optional<long[]> w = input(n, 1, shapeOf);
        Optional<long[]> dy = input(n, 2, shapeOf);
        if (w.isEmpty() || dy.isEmpty() || w.get().length != 4) {
          return Optional.empty();
        }
        long[] f = w.get();
        return Optional.of(2 * elements(dy.get()) * f[0] * f[1] * f[2]);
      }
      case "Conv2DBackpropFilter" -> {
        Optional<long[]> dy = input(n, 2, shapeOf);
        if (out.isEmpty() || dy.isEmpty() || out.get().length != 4) {
          return Optional.empty();
        }
        long[] f = out.get();
        return Optional.of(2 * elements(dy.get()) * f[0] * f[1] * f[2]);
      }
      default -> {
        if (op.startsWith("BatchMatMul")) {
          Optional<long[]> x = input(n, 0, shapeOf);
          if (out.isEmpty() || x.isEmpty() || x.get().length < 2) {
            return Optional.empty();
          }
          long[] s = x.get();
          long k = s[flag(n, "adj_x") ? s.length - 2 : s.length - 1];
          return Optional.of(2 * elements(out.get()) * k);
        }
        // depthwise: each output element is one kh x kw window of one channel
        Optional<long[]> w = input(n, 1, shapeOf);
        if (op.equals("DepthwiseConv2dNative") && out.isPresent() && w.isPresent()) {
          return Optional.of(2 * elements(out.get()) * w.get()[0] * w.get()[1]);
        }
        return Optional.empty();
      }
    }
  }

  private static boolean flag(NodeDef n, String attr) {
    AttrValue v = n.getAttrMap().get(attr);
    return v != null && v.getB();
  }

  /** The shape of data input {@code i} of {@code n} (control inputs skipped). */
  private static Optional<long[]> input(
      NodeDef n, int i, Function<String, Optional<long[]>> shapeOf) {
    List<String> data = n.getInputList().stream().filter(s -> !s.startsWith("^")).toList();
    if (i >= data.size()) {
      return Optional.empty();
    }
    String in = data.get(i);
    return shapeOf.apply(in.contains(":") ? in : in + ":0");
  }

  /** {@code node:slot} → shape of every output the step statistics recorded. */
  private static Map<String, long[]> runtimeShapes(RunMetadata m) {
    Map<String, long[]> out = new HashMap<>();
    for (DeviceStepStats d : m.getStepStats().getDevStatsList()) {
      for (NodeExecStats n : d.getNodeStatsList()) {
        for (NodeOutput o : n.getOutputList()) {
          if (o.hasTensorDescription() && o.getTensorDescription().hasShape()) {
            TensorShapeProto s = o.getTensorDescription().getShape();
            if (!s.getUnknownRank()) {
              out.put(n.getNodeName() + ":" + o.getSlot(), dims(s));
            }
          }
        }
      }
    }
    return out;
  }

  private static long[] dims(TensorShapeProto s) {
    long[] d = new long[s.getDimCount()];
    for (int i = 0; i < d.length; i++) {
      d[i] = s.getDim(i).getSize();
    }
    return d;
  }

  private static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= Math.max(d, 0);
    }
    return n;
  }
}
