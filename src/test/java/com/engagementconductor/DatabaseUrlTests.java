package com.engagementconductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTests {

    @Test
    void integrationGuideFormBecomesJdbcUrlUserAndPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://conductor:s3cret@db.example.com:5432/conductor");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/conductor");
        assertThat(url.username()).isEqualTo("conductor");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.isPostgres()).isTrue();
    }

    @Test
    void postgresSchemeIsAnAlias() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@localhost/events");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/events");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void userAndPasswordArePercentDecodedAndPlusStaysPlus() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw%2Fo+rd%C3%A9@127.0.0.1:55432/db");

        assertThat(url.username()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p@ss:w/o+rdé");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:55432/db");
    }

    @Test
    void unencodedAtSignInThePasswordUsesTheLastAt() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:p@ss@host:5432/db");

        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
    }

    @Test
    void queryParametersPassThroughToTheDriver() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@host:5432/db?sslmode=require&currentSchema=conductor");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require&currentSchema=conductor");
    }

    @Test
    void jdbcFormTakesUserAndPasswordOutOfTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse(
                "jdbc:postgresql://host:5432/db?user=conductor&password=p%26ss%3Dw&sslmode=disable&currentSchema=c1");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=disable&currentSchema=c1");
        assertThat(url.username()).isEqualTo("conductor");
        assertThat(url.password()).isEqualTo("p&ss=w");
    }

    @Test
    void jdbcFormWithoutCredentialsLeavesThemUnset() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://host/db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void ipv6HostsAndSeveralHostsAreKept() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@[::1]:5432/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
        assertThat(DatabaseUrl.parse("postgresql://u:p@h1:5432,h2:5433/db?targetServerType=primary")
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mysql://user:topsecret@host/db",
                "postgresql://user:topsecret@/db",
                "postgresql://user:topsecret@host:99999/db",
                "postgresql://user:topsecret@host:port/db",
                "postgresql://user:top%ZZsecret@host/db",
                "topsecret",
                "postgresql://user:topsecret@ho st/db"
            })
    void invalidValuesNameTheVariableAndNeverTheSecret(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse(value))
                .withMessageStartingWith("DATABASE_URL ")
                .withMessageNotContaining("topsecret")
                .withMessageNotContaining("top%ZZsecret");
    }

    @Test
    void toStringHidesThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:topsecret@host/db");

        assertThat(url.toString()).doesNotContain("topsecret").contains("****");
    }

    @Test
    void embeddedDatabaseIsAnH2FileInPostgresModeUnderTheDataDirectory(@TempDir Path dir) {
        DatabaseUrl url = DatabaseUrl.embedded(dir.resolve("data"));

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:h2:file:" + dir.resolve("data").toAbsolutePath() + "/conductor"
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(url.username()).isEqualTo("sa");
        assertThat(url.isPostgres()).isFalse();
    }
}
