package dk.region.medcom.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackingIdTests {

    @Test
    void newIdsAreVersion7AndSortByTheirTime() {
        List<String> ids = new ArrayList<>();
        long before = System.currentTimeMillis();
        for (int i = 0; i < 50; i++) {
            ids.add(TrackingId.newId().value());
        }
        UUID first = UUID.fromString(ids.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
        // within one millisecond the order is random; across milliseconds it is the time's
        assertThat(ids).extracting(id -> id.substring(0, 13)).isSorted();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theSameTimeKeyAndIdentityGiveTheSameIdAndAnotherKeyAnother() {
        byte[] identity = "inbox/a.xml".getBytes(StandardCharsets.UTF_8);
        assertThat(TrackingId.keyed(1_764_000_000_000L, KEY, identity))
                .isEqualTo(TrackingId.keyed(1_764_000_000_000L, KEY, identity));
        assertThat(TrackingId.keyed(1_764_000_000_001L, KEY, identity))
                .isNotEqualTo(TrackingId.keyed(1_764_000_000_000L, KEY, identity));
        assertThat(TrackingId.keyed(1_764_000_000_000L, KEY, "inbox/b.xml".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(TrackingId.keyed(1_764_000_000_000L, KEY, identity));
        byte[] otherKey = KEY.clone();
        otherKey[0] = 1;
        assertThat(TrackingId.keyed(1_764_000_000_000L, otherKey, identity).tail())
                .isNotEqualTo(TrackingId.keyed(1_764_000_000_000L, KEY, identity).tail());
        UUID keyed = UUID.fromString(TrackingId.keyed(1_764_000_000_000L, KEY, identity).value());
        assertThat(keyed.version()).isEqualTo(7);
        assertThat(keyed.variant()).isEqualTo(2);
    }

    private static final byte[] KEY = new byte[32];

    @Test
    void anEarlierFileTimeSortsFirst() {
        byte[] identity = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(TrackingId.keyed(1_000L, KEY, identity).value()).isLessThan(TrackingId.keyed(2_000L, KEY, identity).value());
    }

    @Test
    void theTailIsTheRandomPart() {
        TrackingId id = new TrackingId("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        assertThat(id.tail()).isEqualTo("0c1d2e3f4a5b");
    }

    @Test
    void refusesWhatIsNotATrackingId() {
        assertThatThrownBy(() -> new TrackingId("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
