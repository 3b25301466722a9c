package io.parley.nlu;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's quasi-Newton maximum-entropy trainer ({@code MAXENT_QN}) with {@link FusedNegLogLikelihood}
 * as its objective: the same L2-regularised likelihood, minimised by the same OpenNLP {@link QNMinimizer}
 * with the same settings ({@code L1Cost}, {@code L2Cost}, {@code NumOfUpdates}, {@code MaxFctEval},
 * {@code Threads}), giving the same kind of {@link QNModel}, in less time (see ENGINE.md, "Training
 * speed"). OpenNLP instantiates it by class name ({@link TrainingParameters#ALGORITHM_PARAM} = {@link #NAME};
 * its package is registered with OpenNLP's extension loader in {@link IntentModel}).
 */
public final class FusedQnTrainer extends QNTrainer {

  public static final String NAME = FusedQnTrainer.class.getName();

  private int updates;
  private int maxFctEval;
  private int threads;
  private double l1;
  private double l2;

  public FusedQnTrainer() {
  }

  @Override
  public void init(TrainingParameters p, Map<String, String> reportMap) {
    super.init(p, reportMap);
    updates = p.getIntParameter(M_PARAM, M_DEFAULT);
    maxFctEval = p.getIntParameter(MAX_FCT_EVAL_PARAM, MAX_FCT_EVAL_DEFAULT);
    threads = p.getIntParameter(THREADS_PARAM, THREADS_DEFAULT);
    l1 = p.getDoubleParameter(L1COST_PARAM, L1COST_DEFAULT);
    l2 = p.getDoubleParameter(L2COST_PARAM, L2COST_DEFAULT);
  }

  /** QNTrainer's checks, except that the algorithm is this class's name. */
  @Override
  public void validate() {
    if (updates <= 0 || maxFctEval <= 0 || threads < 1 || l1 < 0 || l2 < 0) {
      throw new IllegalArgumentException(String.format(
          "invalid quasi-Newton settings: NumOfUpdates=%d MaxFctEval=%d Threads=%d L1Cost=%s L2Cost=%s",
          updates, maxFctEval, threads, l1, l2));
    }
  }

  @Override
  public QNModel trainModel(int iterations, DataIndexer indexer) {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "qn-objective");
      t.setDaemon(true);
      return t;
    }) : null;
    double[] w;
    try {
      FusedNegLogLikelihood f = new FusedNegLogLikelihood(indexer, threads, pool);
      w = l1 > 0 ? new QNMinimizer(l1, l2, iterations, updates, maxFctEval).minimize(f)
          : new Lbfgs(l2, iterations, updates).minimize(f);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    String[] predLabels = indexer.getPredLabels();
    String[] outcomeNames = indexer.getOutcomeLabels();
    int outcomes = outcomeNames.length;
    int[] all = new int[outcomes];
    for (int oi = 0; oi < outcomes; oi++) {
      all[oi] = oi;
    }
    Context[] params = new Context[predLabels.length];
    for (int fi = 0; fi < predLabels.length; fi++) {
      double[] alpha = new double[outcomes];
      for (int oi = 0; oi < outcomes; oi++) {
        alpha[oi] = w[FusedNegLogLikelihood.index(fi, oi, outcomes)];
      }
      params[fi] = new Context(all, alpha);
    }
    return new QNModel(params, predLabels, outcomeNames);
  }
}
