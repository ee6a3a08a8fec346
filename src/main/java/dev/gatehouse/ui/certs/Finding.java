package dev.gatehouse.ui.certs;

import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.ui.common.Status;

/**
 * A line of a dialog's findings: a status (colour + icon) and plain text.
 *
 * @param status how it looks
 * @param text   what it says
 */
public record Finding(Status status, String text) {

    public static Finding of(MaterialProblem p) {
        return new Finding(switch (p.level()) {
            case ERROR -> Status.ERROR;
            case WARNING -> Status.WARNING;
            case INFO -> Status.UNKNOWN;
        }, p.message());
    }
}
