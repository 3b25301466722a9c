package io.parley;

public final class App {
  public static void main(String[] args) {
    System.out.println("parley");
  }
}
