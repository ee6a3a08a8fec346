package dev.gatehouse.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code -o text|json}. */
public enum OutputFormat {
    TEXT, JSON;

    /** Accepts "text" / "json" in any case. */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected text or json, not '" + value + "'");
            }
        }
    }
}
