package dev.gatehouse.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --at}: an instant ({@code 2026-12-01T10:00:00Z}), a date-time with offset
 * ({@code 2026-12-01T10:00:00+02:00}) or a date ({@code 2026-12-01}, the start of that day in UTC).
 */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        String text = value == null ? "" : value.trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new TypeConversionException("expected a time such as 2026-12-01T10:00:00Z or a date such as"
                            + " 2026-12-01, not '" + value + "'");
                }
            }
        }
    }
}
