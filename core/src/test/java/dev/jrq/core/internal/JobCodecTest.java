package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.JobRequest;
import dev.jrq.api.SerializationException;
import dev.jrq.core.JobPayload;
import dev.jrq.core.JobResult;
import dev.jrq.core.JsonSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobCodecTest {
    private final JobCodec codec = new JobCodec(new JsonSerializer());

    @Test
    void decodePayload_encodedRequest_givesNameArgsKwargs() {
        JobPayload payload = codec.decodePayload(codec.encodePayload(
                JobRequest.of("rqjobs.echo", 1, "two").withKwargs(Map.of("kw", "x"))));
        assertThat(payload.isDecoded()).isTrue();
        assertThat(payload.jobName()).isEqualTo("rqjobs.echo");
        assertThat(payload.args()).containsExactly(1, "two");
        assertThat(payload.kwargs()).containsExactly(Map.entry("kw", "x"));
    }

    @Test
    void decodePayload_uncompressedJson_readAsPythonDoes() {
        JobPayload payload = codec.decodePayload(utf8("[\"rqjobs.add\", null, [2, 3], {}]"));
        assertThat(payload.jobName()).isEqualTo("rqjobs.add");
        assertThat(payload.args()).containsExactly(2, 3);
    }

    @Test
    void decodePayload_jsonThatIsNotACall_undecodableWithReason() {
        JobPayload payload = codec.decodePayload(Zlib.compress(utf8("{\"not\": \"a call\"}")));
        assertThat(payload.isDecoded()).isFalse();
        assertThat(payload.error()).contains("[name, instance, args, kwargs]");
        assertThat(payload.args()).isEmpty();
    }

    @Test
    void decodePayload_missingData_undecodable() {
        assertThat(codec.decodePayload(null).error()).isEqualTo("the job has no data field");
    }

    @Test
    void decodeResult_successEntry_givesValueAndTimeFromStreamId() {
        JobResult result = codec.decodeResult("1795852799209-0", Map.of("type", "1", "return_value", "Mw=="));
        assertThat(result.isSuccessful()).isTrue();
        assertThat(result.returnValue()).isEqualTo(3);
        assertThat(result.error()).isNull();
        assertThat(result.createdAt()).isEqualTo(Instant.ofEpochMilli(1_795_852_799_209L));
    }

    @Test
    void decodeResult_failureEntry_givesTheErrorText() {
        JobResult result = codec.decodeResult("1-0", Map.of("type", "2", "exc_string", JobCodec.encodeError("boom")));
        assertThat(result.type()).isEqualTo(JobResult.Type.FAILED);
        assertThat(result.error()).isEqualTo("boom");
    }

    @Test
    void decodeResult_undecodableReturnValue_isReportedNotThrown() {
        String pickled = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x80, 5, 0x4b, 0x2a, 0x2e});
        JobResult result = codec.decodeResult("1-0", Map.of("type", "1", "return_value", pickled));
        assertThat(result.returnValue()).isNull();
        assertThat(result.valueError()).contains("looks like a Python pickle");
    }

    @Test
    void encodeReturnValue_null_isEmptyAndValuesAreBase64Json() {
        assertThat(codec.encodeReturnValue(null)).isEmpty();
        assertThat(Base64.getDecoder().decode(codec.encodeReturnValue(List.of(1, "a"))))
                .isEqualTo(utf8("[1,\"a\"]"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
