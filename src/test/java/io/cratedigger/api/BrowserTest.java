package io.cratedigger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's chromium and chromium-driver): a DJ types a
 * misspelled title, picks it with the keyboard, and sees mixable suggestions with reasons and the
 * Camelot wheel. Where the browser is required (CRATEDIGGER_REQUIRE_BROWSER, which {@code .ci/run}
 * sets, or CI) a missing browser fails the test; elsewhere it is skipped with a loud warning.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void typeAMisspelledTitlePickItAndSeeMixableSuggestions() throws Exception {
    requireBrowser();
    WebDriver driver = null;
    try (TestServer server = TestServer.start()) {
      driver = browser();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      driver.get(server.baseUrl() + "/");
      pick(driver, wait, "blak lantren");

      wait.until(d -> d.findElements(By.cssSelector("#results li.result")).size() >= 5);
      assertThat(driver.findElement(By.id("seed")).getText())
          .contains("Black Lantern")
          .doesNotContain("null");
      List<WebElement> results = driver.findElements(By.cssSelector("#results li.result"));
      assertThat(results).hasSizeGreaterThanOrEqualTo(5);
      for (WebElement r : results) {
        assertThat(r.findElements(By.cssSelector(".reasons li"))).isNotEmpty();
      }
      assertThat(results.getFirst().findElement(By.cssSelector(".reasons")).getText())
          .contains("BPM");
      assertThat(driver.findElements(By.cssSelector("#camelot-wheel .seed"))).hasSize(1);
      assertThat(driver.findElements(By.cssSelector("#camelot-wheel .compatible")))
          .hasSizeGreaterThanOrEqualTo(4);
      screenshot(driver, "page.png");

      // "compatible keys only" reloads the results (new elements, the filter in the query the
      // page sent), without an error, and leaves out the tracks that only fill the list
      WebElement before = results.getFirst();
      driver.findElement(By.id("f-compatible")).click();
      wait.until(ExpectedConditions.stalenessOf(before));
      wait.until(
          d -> {
            WebElement list = d.findElement(By.id("results"));
            return "ready".equals(list.getDomAttribute("data-state"))
                && String.valueOf(list.getDomAttribute("data-query"))
                    .contains("compatible_only=true");
          });
      assertThat(driver.findElements(By.cssSelector("#results li.result"))).isNotEmpty();
      assertThat(driver.findElements(By.cssSelector("#results li.result.not-mixable"))).isEmpty();
      assertThat(driver.getCurrentUrl()).contains("compatible_only=true");
      assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
      screenshot(driver, "page-compatible-only.png");
    } finally {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  /** Strings from the catalog are text: a hostile title shows as its characters, runs nothing. */
  @Test
  void hostileTitlesAreShownAsText() throws Exception {
    requireBrowser();
    WebDriver driver = null;
    try (TestServer server = TestServer.start("/hostile/catalog.csv")) {
      driver = browser();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      driver.get(server.baseUrl() + "/");
      pick(driver, wait, "img onerror");
      wait.until(d -> d.findElement(By.id("seed")).getText().contains("<img"));
      assertThat(driver.findElement(By.id("seed")).getText())
          .contains("<img src=x onerror=alert(1)>")
          .contains("<b>Bold Artist</b>");
      assertThat(
              driver.findElements(
                  By.cssSelector(
                      "img[src=x], script:not([src]), #seed b, #results b, #suggestions b")))
          .isEmpty();
      assertThat(driver.findElements(By.cssSelector("audio[src^=javascript]"))).isEmpty();
      boolean alert;
      try {
        driver.switchTo().alert();
        alert = true;
      } catch (NoAlertPresentException e) {
        alert = false;
      }
      assertThat(alert).as("a script from the catalog ran").isFalse();
      screenshot(driver, "page-hostile.png");
    } finally {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  /** A pasted Discogs release URL (answered by a local stand-in) gives suggestions and says why. */
  @Test
  void aDiscogsReleaseUrlGivesRecommendations() throws Exception {
    requireBrowser();
    WebDriver driver = null;
    try (mockwebserver3.MockWebServer discogs = new mockwebserver3.MockWebServer()) {
      discogs.start();
      discogs.enqueue(
          new mockwebserver3.MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .body(DiscogsApiTest.fixture("release-555.json"))
              .build());
      var client =
          new io.cratedigger.discogs.DiscogsClient(
              discogs.url("/").toString(), null, null, Duration.ofSeconds(2));
      try (TestServer server = TestServer.start("/similar/catalog.csv", client)) {
        driver = browser();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(server.baseUrl() + "/");
        driver.findElement(By.cssSelector("#discogs-panel summary")).click();
        WebElement url = wait.until(ExpectedConditions.elementToBeClickable(By.id("discogs-url")));
        url.sendKeys("https://www.discogs.com/release/555-Nadia-Voss-Black-Lantern-EP");
        url.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElement(By.id("discogs-basis")).getText().contains("in the catalog"));
        assertThat(driver.findElement(By.id("discogs-basis")).getText())
            .contains("2 of the release's 2 tracks are in the catalog");
        wait.until(d -> d.findElements(By.cssSelector("#results li.result")).size() >= 5);
        screenshot(driver, "page-discogs.png");
      }
    } finally {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  /** Types into the search box and picks the first suggestion with the keyboard. */
  private static void pick(WebDriver driver, WebDriverWait wait, String typed) {
    WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("search")));
    search.sendKeys(typed);
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#suggestions li[role=option]")));
    search.sendKeys(Keys.ARROW_DOWN);
    search.sendKeys(Keys.ENTER);
  }

  /**
   * When the browser is missing: fails where it is required (CRATEDIGGER_REQUIRE_BROWSER, set by
   * {@code .ci/run}, or CI), skips loudly elsewhere.
   */
  static void requireBrowser() {
    List<String> missing =
        java.util.stream.Stream.of(CHROMIUM, DRIVER)
            .filter(p -> !Files.isExecutable(p))
            .map(Path::toString)
            .toList();
    if (missing.isEmpty()) {
      return;
    }
    String why =
        "no "
            + String.join(" and no ", missing)
            + "; install Chromium and its driver: apt-get install -y chromium chromium-driver";
    if (System.getenv("CRATEDIGGER_REQUIRE_BROWSER") != null || System.getenv("CI") != null) {
      throw new AssertionError("BROWSER TEST REQUIRED BUT CANNOT RUN: " + why);
    }
    System.err.println("\n*** BROWSER TEST SKIPPED: " + why + " ***\n");
    Assumptions.abort(why);
  }

  /** Headless Chromium with the flags this machine's closed network needs; nothing downloaded. */
  static WebDriver browser() throws Exception {
    // the profile lives under target/, so `mvn clean` removes it
    Path profile =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "browser")), "chromium-profile-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  private static void screenshot(WebDriver driver, String name) throws Exception {
    Path dir = Path.of("target", "browser");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
