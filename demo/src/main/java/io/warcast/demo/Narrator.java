package io.warcast.demo;

/** Prints the demo's steps, numbered, and their details, indented. */
final class Narrator {

    private int step;

    void step(String text) {
        System.out.printf("%n[warcast-demo] %d. %s%n", ++step, text);
    }

    void detail(String text) {
        System.out.println("[warcast-demo]      " + text);
    }
}
