package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;

/**
 * What became of one annotation (or one piece of an Ingress) in the migration: converted and where to, or not
 * converted with why and what to do instead.
 *
 * @param source     the Ingress it is on
 * @param annotation the annotation's full name, or a short label for a non-annotation piece ("tls", "rule")
 * @param value      its value as written ("" for a piece)
 * @param status     converted, partly converted or not converted
 * @param where      where it went (a Gateway API object and field), "" when not converted
 * @param why        why it is not (or only partly) converted, "" when converted exactly
 * @param instead    what to do instead, "" when nothing is needed
 */
public record ConversionNote(ObjectRef source, String annotation, String value, Status status, String where,
                             String why, String instead) {

    /** How much of the behaviour carries over. */
    public enum Status {
        CONVERTED("converted"), PARTIAL("partly converted"), NOT_CONVERTED("not converted"),
        NOT_NEEDED("nothing to convert");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ConversionNote converted(ObjectRef source, String annotation, String value, String where) {
        return new ConversionNote(source, annotation, value, Status.CONVERTED, where, "", "");
    }

    public static ConversionNote partial(ObjectRef source, String annotation, String value, String where, String why,
                                         String instead) {
        return new ConversionNote(source, annotation, value, Status.PARTIAL, where, why, instead);
    }

    public static ConversionNote notConverted(ObjectRef source, String annotation, String value, String why,
                                              String instead) {
        return new ConversionNote(source, annotation, value, Status.NOT_CONVERTED, "", why, instead);
    }

    public static ConversionNote notNeeded(ObjectRef source, String annotation, String value, String why) {
        return new ConversionNote(source, annotation, value, Status.NOT_NEEDED, "", why, "");
    }
}
