package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.ConfigurationException;
import dev.jrq.api.spi.Serializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerializersTest {

    @Test
    void of_nothingExtra_hasBuiltInJson() {
        assertThat(Serializers.of(List.of()).named("json")).isInstanceOf(JsonSerializer.class);
    }

    @Test
    void of_plugin_isFoundByItsName() {
        Serializer plugin = new Upper();
        assertThat(Serializers.of(List.of(plugin)).named("upper")).isSameAs(plugin);
    }

    @Test
    void of_twoClassesOneName_refusedNamingBothClasses() {
        assertThatThrownBy(() -> Serializers.of(List.of(new Upper(), new OtherUpper())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("two serializers are named 'upper': " + Upper.class.getName() + " and "
                        + OtherUpper.class.getName());
    }

    @Test
    void of_pluginNamedJson_refusedNamingTheBuiltIn() {
        assertThatThrownBy(() -> Serializers.of(List.of(new FakeJson())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(JsonSerializer.class.getName())
                .hasMessageContaining(FakeJson.class.getName());
    }

    @Test
    void of_sameClassTwice_accepted() {
        assertThat(Serializers.of(List.of(new Upper(), new Upper(), new JsonSerializer())).named("upper"))
                .isInstanceOf(Upper.class);
    }

    @Test
    void named_unknown_refusedListingTheKnownNames() {
        assertThatThrownBy(() -> Serializers.of(List.of(new Upper())).named("pickle"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("no serializer named 'pickle'; known: [json, upper]");
    }

    @Test
    void discover_servicesFile_findsThePlugin(@TempDir Path dir) {
        Serializers serializers = Serializers.discover(ServiceFiles.listing(dir, Serializer.class, Upper.class));
        assertThat(serializers.named("upper")).isInstanceOf(Upper.class);
        assertThat(serializers.named("json")).isInstanceOf(JsonSerializer.class);
    }

    @Test
    void deserializeASlice_aPluginWithoutIt_readsACopyOfTheSlice() {
        assertThat(new Upper().deserialize("--abc--".getBytes(StandardCharsets.UTF_8), 2, 3)).isEqualTo("abc");
    }

    @Test
    void discover_noServicesFile_onlyJson() {
        assertThatThrownBy(() -> Serializers.discover(getClass().getClassLoader()).named("upper"))
                .hasMessageEndingWith("known: [json]");
    }

    public static class Upper implements Serializer {
        @Override
        public String name() {
            return "upper";
        }

        @Override
        public byte[] serialize(Object value) {
            return String.valueOf(value).toUpperCase().getBytes();
        }

        @Override
        public Object deserialize(byte[] bytes) {
            return new String(bytes);
        }
    }

    public static final class OtherUpper extends Upper {
    }

    public static final class FakeJson extends Upper {
        @Override
        public String name() {
            return "json";
        }
    }
}
