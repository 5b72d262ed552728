package io.cratedigger.synth;

import io.cratedigger.synth.StyleProfile.Scene;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Pronounceable names: syllable-built words ("Kalma Doren", "Veltro") and word-list patterns ("The
 * Sunken Choir", "Nightwire Records", "Velvet Circuit"). Stateless; every call draws from the
 * generator it is given, so the same draws give the same names.
 */
final class NameGenerator {

  // Syllable parts, common ones repeated for weight. A name is a stem (onset, vowel, coda)
  // plus an ending, which reads like a name from somewhere ("Kal" + "ma", "Dor" + "en",
  // "Vel" + "tro") where free syllable chains read like noise.
  private static final String[] ONSETS = {
    "", "", "b", "d", "f", "g", "k", "k", "l", "l", "m", "m", "n", "p", "r", "r", "s", "s", "t",
    "t", "v", "v", "z", "j", "h", "br", "dr", "kr", "tr", "st", "gr", "fl", "sh"
  };
  private static final String[] VOWELS = {
    "a", "a", "a", "a", "e", "e", "e", "i", "i", "o", "o", "o", "u", "ai", "ei"
  };
  private static final String[] CODAS = {
    "l", "l", "r", "r", "n", "n", "m", "s", "d", "k", "t", "v", "nd", "rk", "sk"
  };

  // Syllable chains now and then spell a word nobody wants on a record sleeve.
  private static final String[] BLOCKED = {
    "vulv", "fuk", "fuc", "cum", "puss", "dik", "dick", "shit", "fag", "nig", "nazi", "cock", "kkk",
    "anal", "anus", "rape", "slut", "tit", "poo", "piss", "cunt", "hitl"
  };
  private static final String[] GIVEN_ENDINGS = {
    "a", "ma", "o", "el", "en", "is", "ra", "na", "ia", "ko", "ta", "lo", "an", "ie", "i", "ar",
    "ika", "ena", "ian", "ina"
  };
  private static final String[] SURNAME_ENDINGS = {
    "en", "er", "son", "ani", "ov", "ez", "berg", "ski", "ard", "ing", "el", "ström", "sen",
    "elli", "ova", "ier", "man", "oza", "ić", "ant", "ey", "is", "as", "ado", "oni", "ens"
  };
  private static final String[] ALIAS_ENDINGS = {
    "", "", "", "o", "a", "ix", "en", "on", "um", "ar", "ek", "tro", "ko", "ra", "is", "ine", "ola",
    "yx", "io", "ent", "al"
  };

  // Accented replacements for a vowel or n, for names of many languages.
  private static final char[] PLAIN = {'o', 'o', 'a', 'a', 'e', 'u', 'n', 'i'};
  private static final char[] ACCENTED = {'ö', 'ø', 'å', 'á', 'é', 'ü', 'ñ', 'í'};

  /** A name-like word, capitalised: a stem plus an ending from {@code endings}. */
  String word(RandomGenerator rng, String[] endings, int stems) {
    StringBuilder sb = new StringBuilder(12);
    do {
      sb.setLength(0);
      for (int i = 0; i < stems; i++) {
        String onset = pick(ONSETS, rng);
        // A second stem needs an onset, or two vowels would run together.
        sb.append(i > 0 && onset.isEmpty() ? "v" : onset).append(pick(VOWELS, rng));
        if (i == stems - 1 || rng.nextBoolean()) {
          sb.append(pick(CODAS, rng));
        }
      }
      String ending = pick(endings, rng);
      // After a cluster coda ("Jark"), a consonant ending piles up three consonants.
      if (endsInCluster(sb) && !ending.isEmpty() && !isVowel(ending.charAt(0))) {
        ending = "";
      }
      sb.append(ending);
    } while (sb.length() < 3 || blocked(sb));
    if (rng.nextDouble() < 0.06) {
      accent(sb, rng);
    }
    sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    return sb.toString();
  }

  /** An artist name fitting the style's scene and genre. */
  String artist(StyleProfile style, RandomGenerator rng) {
    double u = rng.nextDouble();
    return switch (style.scene()) {
      case CLUB -> clubArtist(u, rng);
      case LISTENING ->
          u < 0.35 ? person(rng) : u < 0.65 ? alias(rng) : u < 0.85 ? adjNoun(rng) : compound(rng);
      case HIP_HOP -> hipHopArtist(u, rng);
      case BAND -> bandArtist(style.genre(), u, rng);
    };
  }

  private String clubArtist(double u, RandomGenerator rng) {
    if (u < 0.30) {
      return person(rng);
    } else if (u < 0.50) {
      return alias(rng);
    } else if (u < 0.60) {
      return "DJ " + alias(rng);
    } else if (u < 0.70) {
      return alias(rng) + " & " + alias(rng);
    } else if (u < 0.84) {
      return adjNoun(rng);
    } else if (u < 0.95) {
      return compound(rng);
    }
    return alias(rng) + (rng.nextBoolean() ? " Collective" : " Sound System");
  }

  private String hipHopArtist(double u, RandomGenerator rng) {
    if (u < 0.12) {
      return "Lil " + alias(rng);
    } else if (u < 0.20) {
      return "MC " + alias(rng);
    } else if (u < 0.28) {
      return "Young " + alias(rng);
    } else if (u < 0.58) {
      return alias(rng);
    } else if (u < 0.80) {
      return person(rng);
    } else if (u < 0.90) {
      return alias(rng) + " the " + pick(Words.NOUNS, rng);
    }
    return "Big " + alias(rng);
  }

  private String bandArtist(String genre, double u, RandomGenerator rng) {
    // Genre flavours first: jazz has leaders' quartets, Latin its orquestas, reggae its kings.
    if (genre.equals("Jazz") && u < 0.35) {
      String[] groups = {" Trio", " Quartet", " Quintet", " Ensemble", " Group"};
      return person(rng) + pick(groups, rng);
    }
    if (genre.equals("Latin") && u < 0.25) {
      return (rng.nextBoolean() ? "Los " : "Orquesta ") + pick(Words.BAND_NOUNS, rng);
    }
    if (genre.equals("Reggae") && u < 0.25) {
      String[] titles = {"King ", "Sister ", "Prince ", "Lone "};
      return pick(titles, rng) + alias(rng);
    }
    if (u < 0.35) {
      return "The " + pick(Words.ADJECTIVES, rng) + " " + pick(Words.BAND_NOUNS, rng);
    } else if (u < 0.50) {
      return "The " + pick(Words.BAND_NOUNS, rng);
    } else if (u < 0.62) {
      return pick(Words.ADJECTIVES, rng) + " " + pick(Words.BAND_NOUNS, rng);
    } else if (u < 0.88) {
      return person(rng);
    }
    return person(rng) + " & The " + pick(Words.BAND_NOUNS, rng);
  }

  /** A label name: a stem with a suffix fitting the scene, e.g. {@code Kessel Audio}. */
  String label(StyleProfile style, RandomGenerator rng) {
    double u = rng.nextDouble();
    String stem =
        u < 0.4
            ? word(rng, ALIAS_ENDINGS, 1)
            : u < 0.7 ? pick(Words.LABEL_WORDS, rng) : compound(rng);
    if (rng.nextDouble() < 0.1) {
      return stem;
    }
    String[] suffixes =
        style.scene() == Scene.CLUB ? Words.CLUB_LABEL_SUFFIXES : Words.OTHER_LABEL_SUFFIXES;
    return stem + " " + pick(suffixes, rng);
  }

  /** A song title of one to four words. */
  String title(Scene scene, RandomGenerator rng) {
    double u = rng.nextDouble();
    if (u < 0.22) {
      return pick(Words.NOUNS, rng);
    } else if (u < 0.52) {
      return adjNoun(rng);
    } else if (u < 0.58) {
      return twoNouns(" ", rng);
    } else if (u < 0.66) {
      return twoNouns(" of ", rng);
    } else if (u < 0.74) {
      return preposition(rng) + " The " + pick(Words.NOUNS, rng);
    } else if (u < 0.86) {
      return pick(Words.PHRASES, rng);
    } else if (u < 0.91) {
      return pick(Words.FOREIGN, rng);
    } else if (u < 0.95) {
      return word(rng, ALIAS_ENDINGS, 2);
    } else if (scene == Scene.CLUB) {
      // Tool titles, as techno 12-inches have them: "Reflex 04".
      int n = 1 + rng.nextInt(12);
      return pick(Words.NOUNS, rng) + (n < 10 ? " 0" : " ") + n;
    }
    return "The " + adjNoun(rng);
  }

  /** An album title: like a song title, sometimes with a definite article. */
  String albumTitle(Scene scene, RandomGenerator rng) {
    return rng.nextDouble() < 0.15 ? "The " + adjNoun(rng) : title(scene, rng);
  }

  private String person(RandomGenerator rng) {
    return word(rng, GIVEN_ENDINGS, 1)
        + " "
        + word(rng, SURNAME_ENDINGS, rng.nextDouble() < 0.25 ? 2 : 1);
  }

  private String alias(RandomGenerator rng) {
    return word(rng, ALIAS_ENDINGS, rng.nextDouble() < 0.2 ? 2 : 1);
  }

  /** Two different nouns joined, so no "Aurora of Aurora". */
  private static String twoNouns(String joint, RandomGenerator rng) {
    String first = pick(Words.NOUNS, rng);
    String second = pick(Words.NOUNS, rng);
    while (second.equals(first)) {
      second = pick(Words.NOUNS, rng);
    }
    return first + joint + second;
  }

  private String adjNoun(RandomGenerator rng) {
    return pick(Words.ADJECTIVES, rng) + " " + pick(Words.NOUNS, rng);
  }

  private String compound(RandomGenerator rng) {
    return pick(Words.COMPOUND_HEADS, rng) + pick(Words.COMPOUND_TAILS, rng);
  }

  private static String preposition(RandomGenerator rng) {
    String[] p = {"Into", "Under", "Beyond", "Across", "Lost In", "Inside", "Behind", "Through"};
    return pick(p, rng);
  }

  private static boolean endsInCluster(StringBuilder sb) {
    int n = sb.length();
    return n >= 2 && !isVowel(sb.charAt(n - 1)) && !isVowel(sb.charAt(n - 2));
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }

  private static boolean blocked(StringBuilder sb) {
    String lower = sb.toString().toLowerCase(Locale.ROOT);
    for (String b : BLOCKED) {
      if (lower.contains(b)) {
        return true;
      }
    }
    return false;
  }

  private static void accent(StringBuilder sb, RandomGenerator rng) {
    int start = rng.nextInt(sb.length());
    for (int k = 0; k < sb.length(); k++) {
      int i = (start + k) % sb.length();
      char c = sb.charAt(i);
      int options = 0;
      for (char p : PLAIN) {
        options += p == c ? 1 : 0;
      }
      if (options == 0) {
        continue;
      }
      int choice = rng.nextInt(options);
      for (int j = 0; j < PLAIN.length; j++) {
        if (PLAIN[j] == c && choice-- == 0) {
          sb.setCharAt(i, ACCENTED[j]);
          return;
        }
      }
    }
  }

  static String pick(String[] words, RandomGenerator rng) {
    return words[rng.nextInt(words.length)];
  }
}
