package dev.gatehouse;

/** Entry point: the GUI with no arguments, a headless sub-command otherwise. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("Gatehouse");
    }
}
