package io.cratedigger.discogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.discogs.DiscogsRef.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiscogsRefTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.discogs.com/release/30797823-cv313-Beyond-Starlit-Sky | RELEASE | 30797823",
        "https://www.discogs.com/release/30797823 | RELEASE | 30797823",
        "https://www.discogs.com/release/30797823/ | RELEASE | 30797823",
        "https://www.discogs.com/release/30797823-cv313-Beyond-Starlit-Sky?ev=rr | RELEASE | 30797823",
        "https://www.discogs.com/release/30797823?utm_source=x&y=1 | RELEASE | 30797823",
        "https://www.discogs.com/release/30797823-cv313-Beyond-Starlit-Sky#images | RELEASE | 30797823",
        "http://www.discogs.com/release/30797823 | RELEASE | 30797823",
        "https://discogs.com/release/30797823 | RELEASE | 30797823",
        "www.discogs.com/release/30797823 | RELEASE | 30797823",
        "discogs.com/release/30797823 | RELEASE | 30797823",
        "HTTPS://WWW.DISCOGS.COM/Release/30797823 | RELEASE | 30797823",
        "https://www.discogs.com/master/123-CV313-Beyond-Starlit-Sky | MASTER | 123",
        "https://www.discogs.com/master/123 | MASTER | 123",
        "https://www.discogs.com/de/release/30797823-cv313-Beyond-Starlit-Sky | RELEASE | 30797823",
        "https://www.discogs.com/pt_BR/master/123 | MASTER | 123",
        "https://www.discogs.com/CV313-Beyond-Starlit-Sky/release/30797823 | RELEASE | 30797823",
        "https://www.discogs.com/sell/release/30797823?ev=rb | RELEASE | 30797823",
        "[r30797823] | RELEASE | 30797823",
        "[m123] | MASTER | 123",
        "[R30797823] | RELEASE | 30797823",
        "r30797823 | RELEASE | 30797823",
        "m123 | MASTER | 123",
        "30797823 | RELEASE | 30797823",
        "'  https://www.discogs.com/release/30797823  ' | RELEASE | 30797823",
      })
  void parsesEveryPastedShape(String text, Kind kind, long id) {
    assertThat(DiscogsRef.parse(text)).isEqualTo(new DiscogsRef(kind, id));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "hello",
        "https://www.discogs.com/artist/84325-CV313",
        "https://www.discogs.com/label/88530-Echospace-Detroit",
        "https://www.discogs.com/release/",
        "https://www.discogs.com/release/abc",
        "https://www.discogz.com/release/30797823",
        "https://www.example.com/release/30797823",
        "https://www.discogs.com/release/30797823x",
        "[a123]",
        "[r123",
        "r",
        "0",
        "-5",
        "12.5",
        "99999999999999999999",
      })
  void rejectsAnythingElseWithTheExpectedShapeNamed(String text) {
    assertThatThrownBy(() -> DiscogsRef.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a Discogs release or master: \""
                + text
                + "\"; paste a URL like https://www.discogs.com/release/123 or an id");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> DiscogsRef.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a Discogs release or master: \"\"");
  }

  @Test
  void namesItselfAndItsApiPath() {
    assertThat(new DiscogsRef(Kind.MASTER, 123)).hasToString("master 123");
    assertThat(new DiscogsRef(Kind.RELEASE, 7).apiPath()).isEqualTo("/releases/7");
    assertThat(new DiscogsRef(Kind.MASTER, 123).apiPath()).isEqualTo("/masters/123");
  }
}
