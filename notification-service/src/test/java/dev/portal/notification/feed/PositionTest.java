package dev.portal.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SSE ids are {@code <partition>-<offset>}; anything else a client sends is no position. */
class PositionTest {

    @Test
    void an_id_reads_back_as_the_position_it_was_written_from() {
        assertThat(Position.parse(new Position(3, 1042).id())).contains(new Position(3, 1042));
        assertThat(Position.parse("0--1")).contains(new Position(0, -1));
    }

    @Test
    void anything_else_is_no_position() {
        assertThat(Position.parse(null)).isEmpty();
        assertThat(Position.parse("")).isEmpty();
        assertThat(Position.parse("42")).isEmpty();
        assertThat(Position.parse("-1-5")).isEmpty();
        assertThat(Position.parse("1-x")).isEmpty();
        assertThat(Position.parse("1--2")).isEmpty();
        assertThat(Position.parse("1-99999999999999999999999")).isEmpty();
        assertThat(Position.parse("9999999999-1")).isEmpty();
    }
}
