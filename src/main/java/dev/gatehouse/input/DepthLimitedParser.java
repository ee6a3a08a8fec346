package dev.gatehouse.input;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A parser that stops when mappings and lists nest deeper than a limit. The composer builds one level of
 * its (recursive) node tree per start event it takes, so refusing the event that would go too deep bounds
 * the composer's recursion before it can overflow the stack.
 */
final class DepthLimitedParser implements Parser {

    /** The event that went deeper than the limit, and where it is. */
    static final class TooDeep extends RuntimeException {
        private final transient Optional<Mark> where;

        TooDeep(Optional<Mark> where) {
            super("nested too deep", null, false, false);
            this.where = where;
        }

        Optional<Mark> where() {
            return where;
        }
    }

    private final Parser parser;
    private final int max;
    private int depth;

    DepthLimitedParser(Parser parser, int max) {
        this.parser = parser;
        this.max = max;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event event = parser.next();
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > max) {
                    throw new TooDeep(event.getStartMark());
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
            }
        }
        return event;
    }
}
