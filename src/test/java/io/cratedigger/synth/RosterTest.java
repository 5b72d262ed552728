package io.cratedigger.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RosterTest {

  @Test
  void poolsHaveDistinctNamesAndFavouriteLabelsOfTheirStyle() {
    Roster roster = new Roster(new SplittableRandom(5), new NameGenerator());
    assertThat(roster.artistCount()).isGreaterThanOrEqualTo(Roster.ARTISTS);
    assertThat(roster.labelCount()).isGreaterThanOrEqualTo(Roster.LABELS);
    SplittableRandom rng = new SplittableRandom(6);
    Set<String> artistNames = new HashSet<>();
    for (int s = 0; s < Styles.all().size(); s++) {
      for (int i = 0; i < 200; i++) {
        Roster.Artist a = roster.artist(s, rng);
        assertThat(a.style()).isEqualTo(s);
        assertThat(a.name()).isNotBlank().doesNotContain(";");
        assertThat(a.popularity()).isBetween(0.0, 90.0);
        assertThat(a.firstYear()).isGreaterThanOrEqualTo(Styles.all().get(s).era().from());
        Roster.Label l = roster.labelFor(a, rng);
        assertThat(l.name()).isNotBlank().doesNotContain(";");
        artistNames.add(a.name());
      }
    }
    // Zipf draws repeat the head of each pool, yet reach deep into the tail.
    assertThat(artistNames.size()).isBetween(1_000, Styles.all().size() * 200 - 1);
  }

  @Test
  void isrcsHaveTheTwelveCharacterShapeAndCountUp() {
    Roster roster = new Roster(new SplittableRandom(5), new NameGenerator());
    Roster.Label label = roster.label(0, new SplittableRandom(1));
    String first = roster.isrc(label, 2024);
    String second = roster.isrc(label, 2024);
    assertThat(first).matches("[A-Z]{2}[A-Z0-9]{3}2400000");
    assertThat(second).isEqualTo(first.substring(0, 7) + "00001");
    assertThat(roster.isrc(label, 1998)).endsWith("9800002");
  }

  @Test
  void sameSeedSameRoster() {
    Roster a = new Roster(new SplittableRandom(9), new NameGenerator());
    Roster b = new Roster(new SplittableRandom(9), new NameGenerator());
    SplittableRandom ra = new SplittableRandom(1);
    SplittableRandom rb = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      assertThat(b.artist(i % 38, rb).name()).isEqualTo(a.artist(i % 38, ra).name());
    }
  }
}
