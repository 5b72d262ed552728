package io.cratedigger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellsTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "2022-07-22, 2022-07-22, 2022",
    "1999, 1999, 1999",
    "2021-3, 2021-03, 2021",
    "7/2/2021, 2021-07-02, 2021",
    "12/31/99, 1999-12-31, 1999",
    "1/5/07, 2007-01-05, 2007",
  })
  void readsTheDateSpellingsOfRealExports(String cell, String iso, int year) throws Exception {
    assertThat(Cells.date(cell)).isEqualTo(new Cells.Date(iso, year));
  }

  @Test
  void zeroDatesAreUnknownNotErrors() throws Exception {
    assertThat(Cells.date("0000")).isNull();
    assertThat(Cells.date("0")).isNull();
    assertThat(Cells.date(" ")).isNull();
  }

  @Test
  void badDatesSayWhy() {
    assertThatThrownBy(() -> Cells.date("yesterday")).hasMessage("is not a date (YYYY-MM-DD)");
    assertThatThrownBy(() -> Cells.date("2021-13-01")).hasMessage("is not a date");
    assertThatThrownBy(() -> Cells.date("1/2")).hasMessage("is not a date");
  }

  @Test
  void durationsInMillisecondsOrMinutesAndSeconds() throws Exception {
    assertThat(Cells.durationMs("220386")).isEqualTo(220386);
    assertThat(Cells.durationMs("220386.0")).isEqualTo(220386);
    assertThat(Cells.durationMs("4:05")).isEqualTo(245_000);
    assertThat(Cells.durationMs("1:02:03")).isEqualTo(3_723_000);
    assertThatThrownBy(() -> Cells.durationMs("4:75")).hasMessage("is not a duration (m:ss)");
    assertThatThrownBy(() -> Cells.durationMs("abc")).hasMessage("is not a number");
  }

  @Test
  void pythonListLiterals() throws Exception {
    assertThat(Cells.pythonList("['Rage Against The Machine']"))
        .containsExactly("Rage Against The Machine");
    assertThat(Cells.pythonList("['Daft Punk', 'Pharrell Williams']"))
        .containsExactly("Daft Punk", "Pharrell Williams");
    assertThat(Cells.pythonList("[\"Guns N' Roses\"]")).containsExactly("Guns N' Roses");
    assertThat(Cells.pythonList("['It\\'s Me', \"B\"]")).containsExactly("It's Me", "B");
    assertThat(Cells.pythonList("[]")).isEmpty();
    assertThat(Cells.pythonList("Plain Name")).containsExactly("Plain Name");
    assertThatThrownBy(() -> Cells.pythonList("['open"))
        .hasMessage("is not a Python list (no closing ])");
  }

  @Test
  void discogsGenreWithCommasStaysOneGenre() throws Exception {
    List<String> keep = List.of("Folk, World, & Country");
    assertThat(Cells.split("Electronic, Folk, World, & Country", ",", keep))
        .containsExactly("Electronic", "Folk, World, & Country");
    assertThat(Cells.split("Folk, World, & Country", ",", keep))
        .containsExactly("Folk, World, & Country");
    assertThat(Cells.split("Techno, Tech House,", ",", keep))
        .containsExactly("Techno", "Tech House");
    assertThat(Cells.split("Future;Metro Boomin", ";", keep))
        .containsExactly("Future", "Metro Boomin");
  }

  @Test
  void headersAreComparedNormalised() {
    assertThat(Headers.normalize("\uFEFFTrack URI")).isEqualTo("trackuri");
    assertThat(Headers.normalize("Duration (ms)")).isEqualTo("duration");
    assertThat(Headers.normalize("Artist Name(s)")).isEqualTo("artistname");
    assertThat(Headers.normalize("Time_Signature")).isEqualTo("timesignature");
    assertThat(Headers.normalize("track_length_ms")).isEqualTo("tracklengthms");
  }
}
