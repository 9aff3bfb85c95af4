package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

class ThreadPackerTest {

    @Test
    void finish_eachMessage_holdsOnlyWhatWasPackedSinceStart() throws IOException {
        MessagePacker first = ThreadPacker.start();
        first.packString("one").packInt(1);
        byte[] firstMessage = ThreadPacker.finish();
        ThreadPacker.start().packString("two");
        byte[] secondMessage = ThreadPacker.finish();

        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(firstMessage)) {
            assertThat(unpacker.unpackString()).isEqualTo("one");
            assertThat(unpacker.unpackInt()).isEqualTo(1);
            assertThat(unpacker.hasNext()).isFalse();
        }
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(secondMessage)) {
            assertThat(unpacker.unpackString()).isEqualTo("two");
            assertThat(unpacker.hasNext()).isFalse();
        }
    }

    @Test
    void start_afterAnUnfinishedMessage_discardsIt() throws IOException {
        ThreadPacker.start().packString("abandoned, as when packing threw half way");
        ThreadPacker.start().packString("kept");
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(ThreadPacker.finish())) {
            assertThat(unpacker.unpackString()).isEqualTo("kept");
            assertThat(unpacker.hasNext()).isFalse();
        }
    }

    @Test
    void finish_aMessageLargerThanTheBuffer_isWhole_andTheNextSmallOneToo() throws IOException {
        String large = "x".repeat(200_000);
        ThreadPacker.start().packString(large);
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(ThreadPacker.finish())) {
            assertThat(unpacker.unpackString()).isEqualTo(large);
        }
        ThreadPacker.start().packInt(7);
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(ThreadPacker.finish())) {
            assertThat(unpacker.unpackInt()).isEqualTo(7);
            assertThat(unpacker.hasNext()).isFalse();
        }
    }

    @Test
    void finish_onAnotherThread_isThatThreadsOwnMessage() throws Exception {
        ThreadPacker.start().packString("main");
        byte[] other = CompletableFuture.supplyAsync(() -> {
            try {
                ThreadPacker.start().packString("other");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return ThreadPacker.finish();
        }).get();
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(ThreadPacker.finish())) {
            assertThat(unpacker.unpackString()).isEqualTo("main");
        }
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(other)) {
            assertThat(unpacker.unpackString()).isEqualTo("other");
        }
    }

    @Test
    void packText_asciiLongAndNonAsciiText_unpackAsTheSameStrings() throws IOException {
        String id = "953bb7cf-2272-4417-bd6a-a754bfec5c4f";
        String longer = "eyJhIjogMX0=".repeat(20);
        String accented = "Zoë 🎉";
        MessagePacker packer = ThreadPacker.start();
        packer.packArrayHeader(4);
        ThreadPacker.packText(packer, id);
        ThreadPacker.packText(packer, longer);
        ThreadPacker.packText(packer, accented);
        ThreadPacker.packText(packer, "");

        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(ThreadPacker.finish())) {
            assertThat(unpacker.unpackArrayHeader()).isEqualTo(4);
            assertThat(unpacker.unpackString()).isEqualTo(id);
            assertThat(unpacker.unpackString()).isEqualTo(longer);
            assertThat(unpacker.unpackString()).isEqualTo(accented);
            assertThat(unpacker.unpackString()).isEmpty();
            assertThat(unpacker.hasNext()).isFalse();
        }
    }

    @Test
    void packText_intoAnotherPacker_packsItThere() throws IOException {
        ThreadPacker.start().packString("the thread's own message");
        try (org.msgpack.core.MessageBufferPacker other = MessagePack.newDefaultBufferPacker()) {
            ThreadPacker.packText(other, "abc");
            try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(other.toByteArray())) {
                assertThat(unpacker.unpackString()).isEqualTo("abc");
            }
        }
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(ThreadPacker.finish())) {
            assertThat(unpacker.unpackString()).isEqualTo("the thread's own message");
            assertThat(unpacker.hasNext()).isFalse();
        }
    }
}
