package io.parley.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import opennlp.tools.ml.maxent.quasinewton.Function;
import opennlp.tools.ml.model.DataIndexer;

/**
 * The negative log-likelihood of a multinomial logistic (maximum-entropy) model, the objective OpenNLP's
 * {@code NegLogLikelihood} computes, computed with less work ({@link FusedQnTrainer} minimises it with
 * {@link Lbfgs}, or with OpenNLP's {@code QNMinimizer} when L1 is on):
 * <ul>
 *   <li>{@link #valueAt} keeps the class probabilities of every event it computed the value from, and
 *       {@link #gradientAt} at the same point only scatters them (OpenNLP's computes every score twice);</li>
 *   <li>weights are laid out feature-major ({@code feature * outcomes + outcome}), so the weights of one
 *       feature are adjacent in memory (OpenNLP's layout is outcome-major: one cache line per outcome);</li>
 *   <li>{@link Math#exp} (an intrinsic) instead of {@link StrictMath#exp}.</li>
 * </ul>
 * With more than one thread the events are split into contiguous slices, one per thread, each with its
 * own gradient buffer, summed at the end. Not thread-safe: one minimiser calls it.
 */
final class FusedNegLogLikelihood implements Function {

  private final int outcomes;
  private final int dimension;
  private final int[][] contexts;
  private final float[][] values;
  private final int[] outcomeOf;
  private final int[] seen;
  /** Class probabilities per event at {@link #pointOfProbs}, row-major. */
  private final double[] probs;
  private final double[] pointOfProbs;
  private boolean probsValid;
  private final double[] gradient;
  private final double[][] partialGradients;
  private final int[] sliceStart;
  private final ExecutorService pool;

  /**
   * @param pool the threads to use for more than one slice (null: one slice, the calling thread)
   */
  FusedNegLogLikelihood(DataIndexer indexer, int slices, ExecutorService pool) {
    this.contexts = indexer.getContexts();
    this.values = indexer.getValues();
    this.outcomeOf = indexer.getOutcomeList();
    this.seen = indexer.getNumTimesEventsSeen();
    this.outcomes = indexer.getOutcomeLabels().length;
    this.dimension = outcomes * indexer.getPredLabels().length;
    this.probs = new double[contexts.length * outcomes];
    this.pointOfProbs = new double[dimension];
    this.gradient = new double[dimension];
    int n = pool == null ? 1 : Math.max(1, Math.min(slices, contexts.length));
    this.pool = n > 1 ? pool : null;
    this.sliceStart = new int[n + 1];
    for (int s = 0; s <= n; s++) {
      sliceStart[s] = (int) ((long) contexts.length * s / n);
    }
    this.partialGradients = new double[n][];
    partialGradients[0] = gradient;
    for (int s = 1; s < n; s++) {
      partialGradients[s] = new double[dimension];
    }
  }

  /** Index of the weight of {@code feature} for {@code outcome} in the parameter vector. */
  static int index(int feature, int outcome, int outcomes) {
    return feature * outcomes + outcome;
  }

  @Override
  public int getDimension() {
    return dimension;
  }

  @Override
  public double valueAt(double[] x) {
    double[] parts = new double[sliceStart.length - 1];
    run(s -> parts[s] = value(x, sliceStart[s], sliceStart[s + 1]));
    System.arraycopy(x, 0, pointOfProbs, 0, dimension);
    probsValid = true;
    double sum = 0;
    for (double p : parts) {
      sum += p;
    }
    return sum;
  }

  /**
   * The gradient at {@code x}. The returned array is this function's own buffer, as with OpenNLP's
   * functions (its L2 wrapper adds to it in place), valid until the next call.
   */
  @Override
  public double[] gradientAt(double[] x) {
    if (!probsValid || !Arrays.equals(x, pointOfProbs)) {
      valueAt(x);
    }
    run(s -> {
      Arrays.fill(partialGradients[s], 0);
      scatter(partialGradients[s], sliceStart[s], sliceStart[s + 1]);
    });
    for (int s = 1; s < partialGradients.length; s++) {
      double[] p = partialGradients[s];
      for (int i = 0; i < dimension; i++) {
        gradient[i] += p[i];
      }
    }
    return gradient;
  }

  /** Scores and probabilities of events [from, to) at x, stored in {@link #probs}; their negative log-likelihood. */
  private double value(double[] x, int from, int to) {
    double nll = 0;
    for (int ci = from; ci < to; ci++) {
      int row = ci * outcomes;
      Arrays.fill(probs, row, row + outcomes, 0);
      int[] ctx = contexts[ci];
      float[] val = values == null ? null : values[ci];
      for (int ai = 0; ai < ctx.length; ai++) {
        int base = ctx[ai] * outcomes;
        if (val == null) {
          for (int oi = 0; oi < outcomes; oi++) {
            probs[row + oi] += x[base + oi];
          }
        } else {
          double v = val[ai];
          for (int oi = 0; oi < outcomes; oi++) {
            probs[row + oi] += v * x[base + oi];
          }
        }
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int oi = 0; oi < outcomes; oi++) {
        max = Math.max(max, probs[row + oi]);
      }
      double sum = 0;
      for (int oi = 0; oi < outcomes; oi++) {
        sum += Math.exp(probs[row + oi] - max);
      }
      double logSum = max + Math.log(sum);
      nll -= (probs[row + outcomeOf[ci]] - logSum) * seen[ci];
      for (int oi = 0; oi < outcomes; oi++) {
        probs[row + oi] = Math.exp(probs[row + oi] - logSum);
      }
    }
    return nll;
  }

  /** Adds the gradient contribution of events [from, to) to g, from {@link #probs}. */
  private void scatter(double[] g, int from, int to) {
    double[] delta = new double[outcomes];
    for (int ci = from; ci < to; ci++) {
      int row = ci * outcomes;
      int n = seen[ci];
      for (int oi = 0; oi < outcomes; oi++) {
        delta[oi] = probs[row + oi] * n;
      }
      delta[outcomeOf[ci]] -= n;
      int[] ctx = contexts[ci];
      float[] val = values == null ? null : values[ci];
      for (int ai = 0; ai < ctx.length; ai++) {
        int base = ctx[ai] * outcomes;
        double v = val == null ? 1.0 : val[ai];
        for (int oi = 0; oi < outcomes; oi++) {
          g[base + oi] += v * delta[oi];
        }
      }
    }
  }

  private interface Slice {
    void run(int slice);
  }

  private void run(Slice work) {
    int n = sliceStart.length - 1;
    if (pool == null) {
      for (int s = 0; s < n; s++) {
        work.run(s);
      }
      return;
    }
    List<Future<?>> pending = new ArrayList<>(n - 1);
    for (int s = 1; s < n; s++) {
      int slice = s;
      pending.add(pool.submit(() -> work.run(slice)));
    }
    work.run(0);
    try {
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("training failed", e.getCause());
    }
  }
}
