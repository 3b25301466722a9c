package io.parley.nlu;

/** Recognises the intent of one customer message. Implementations are safe to share between threads. */
public interface IntentClassifier {

  Classification classify(String text);
}
