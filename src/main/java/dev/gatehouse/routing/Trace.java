package dev.gatehouse.routing;

import java.util.ArrayList;
import java.util.List;

/** Collects trace steps during one explanation (not shared). */
final class Trace {

    private final List<TraceStep> steps = new ArrayList<>();

    void chosen(TraceStep.Stage stage, String subject, String reason) {
        steps.add(new TraceStep(stage, TraceStep.Verdict.CHOSEN, subject, reason));
    }

    void lost(TraceStep.Stage stage, String subject, String reason) {
        steps.add(new TraceStep(stage, TraceStep.Verdict.LOST, subject, reason));
    }

    void ignored(TraceStep.Stage stage, String subject, String reason) {
        steps.add(new TraceStep(stage, TraceStep.Verdict.IGNORED, subject, reason));
    }

    void note(TraceStep.Stage stage, String subject, String reason) {
        steps.add(new TraceStep(stage, TraceStep.Verdict.NOTE, subject, reason));
    }

    List<TraceStep> steps() {
        return List.copyOf(steps);
    }
}
