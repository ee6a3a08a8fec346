package dev.gatehouse.cli;

import io.fabric8.kubernetes.client.utils.Serialization;

/** Writes plain maps and lists as indented JSON. */
final class JsonText {

    private JsonText() {
    }

    static String write(Object value) {
        return Serialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
