package dk.region.medcom.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The limits parse checks are the journal's own: the migrated schema's column sizes. */
@JdbcTest
class JournalLimitsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachLimitIsTheSizeOfTheColumnsItProtects() {
        assertThat(size("MESSAGE", "ENVELOPE_ID")).isEqualTo(JournalLimits.ENVELOPE_ID);
        assertThat(size("LETTER_SEEN", "ENVELOPE_ID")).isEqualTo(JournalLimits.ENVELOPE_ID);
        assertThat(size("MESSAGE", "LETTER_ID")).isEqualTo(JournalLimits.LETTER_ID);
        assertThat(size("LETTER_SEEN", "LETTER_ID")).isEqualTo(JournalLimits.LETTER_ID);
        assertThat(size("MESSAGE", "SENDER_LOCATION")).isEqualTo(JournalLimits.LOCATION);
        assertThat(size("MESSAGE", "RECEIVER_LOCATION")).isEqualTo(JournalLimits.LOCATION);
        assertThat(size("MESSAGE", "RECIPIENT_LOCATION")).isEqualTo(JournalLimits.LOCATION);
        assertThat(size("LETTER_SEEN", "SENDER_LOCATION")).isEqualTo(JournalLimits.LOCATION);
        assertThat(size("RECEIPT_SENT", "TO_LOCATION")).isEqualTo(JournalLimits.LOCATION);
        assertThat(size("MESSAGE", "MESSAGE_TYPE")).isEqualTo(JournalLimits.MESSAGE_TYPE);
        assertThat(size("MESSAGE", "VERSION_CODE")).isEqualTo(JournalLimits.VERSION_CODE);
        assertThat(size("MESSAGE", "MUNICIPALITY")).isEqualTo(JournalLimits.MUNICIPALITY);
    }

    @Test
    void fitCutsIdentifiersAndDropsWhatNamesNothing() {
        MessageHeader fitted = JournalLimits.fit(new MessageHeader("X".repeat(17), "V".repeat(17), null, null,
                "E".repeat(65), "L".repeat(100), "5790000100019", "9".repeat(5000), true));

        assertThat(fitted).isEqualTo(new MessageHeader(MessageHeader.UNKNOWN_TYPE, null, null, null,
                "E".repeat(64), "L".repeat(64), "5790000100019", null, true));
    }

    private int size(String table, String column) {
        return jdbc.sql("select character_maximum_length from information_schema.columns"
                        + " where table_name = :table and column_name = :column")
                .param("table", table).param("column", column).query(Integer.class).single();
    }
}
