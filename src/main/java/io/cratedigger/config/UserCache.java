package io.cratedigger.config;

import io.cratedigger.config.ServerSettings.Setting;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Cratedigger keeps what it caches for the user: in the user's cache folder (the XDG base
 * directory one), never in the installation, which may be a read-only {@code /opt}.
 *
 * <table>
 *   <caption>The Discogs cache, the first that is set</caption>
 *   <tr><th>from<th>folder
 *   <tr><td>CRATEDIGGER_DISCOGS_CACHE<td>that folder
 *   <tr><td>discogs.cache in the configuration file<td>that folder (relative to the home)
 *   <tr><td>XDG_CACHE_HOME (an absolute path)<td>$XDG_CACHE_HOME/cratedigger/discogs
 *   <tr><td>HOME, else the JVM's user.home<td>~/.cache/cratedigger/discogs
 * </table>
 */
public final class UserCache {
  /** The variable that names the Discogs cache folder, over the file and the defaults. */
  public static final String DISCOGS_VARIABLE = "CRATEDIGGER_DISCOGS_CACHE";

  private UserCache() {}

  /** The Discogs cache of this process: {@code config}'s file, its environment, its user. */
  public static Setting<Path> discogs(AppConfig config) {
    return discogs(config.discogs().cache(), System.getenv(), System.getProperty("user.home"));
  }

  /**
   * The Discogs cache folder and where it came from.
   *
   * @param inFile {@code discogs.cache} from the configuration file, or null
   * @param env the environment
   * @param userHome the JVM's {@code user.home}, for when {@code HOME} is not set
   */
  public static Setting<Path> discogs(Path inFile, Map<String, String> env, String userHome) {
    String variable = env.get(DISCOGS_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return new Setting<>(Path.of(variable.strip()), DISCOGS_VARIABLE);
    }
    if (inFile != null) {
      return new Setting<>(inFile, "file");
    }
    return new Setting<>(userCache(env, userHome).resolve("cratedigger/discogs"), "default");
  }

  /**
   * The user's cache folder: {@code XDG_CACHE_HOME}, else {@code ~/.cache}. The XDG base directory
   * specification has a relative {@code XDG_CACHE_HOME} ignored, as if not set.
   */
  static Path userCache(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg);
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      home = userHome;
    }
    return Path.of(home, ".cache");
  }
}
