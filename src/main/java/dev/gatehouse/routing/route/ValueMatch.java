package dev.gatehouse.routing.route;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A header or query-parameter match of a route (Gateway API {@code HTTPHeaderMatch} /
 * {@code HTTPQueryParamMatch}); the Ingress front-end has none.
 *
 * @param name  the header (case-insensitive) or parameter (case-sensitive) name
 * @param value the value, or a regular expression matched in full
 * @param regex whether {@code value} is a regular expression
 */
public record ValueMatch(String name, String value, boolean regex) {

    /** Whether the value found under {@link #name} in {@code values} matches. */
    public boolean matches(Map<String, String> values) {
        Optional<String> found = Optional.ofNullable(values.get(name));
        if (found.isEmpty()) {
            return false;
        }
        if (!regex) {
            return found.get().equals(value);
        }
        try {
            return Pattern.compile(value).matcher(found.get()).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
