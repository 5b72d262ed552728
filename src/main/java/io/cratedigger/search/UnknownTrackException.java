package io.cratedigger.search;

/** A track id that is not in the catalog (a 404 for a path, a 400 for a seed list). */
public final class UnknownTrackException extends io.cratedigger.NotFoundException {
  private final String id;

  public UnknownTrackException(String id) {
    super("no track with id \"" + id + "\" in the catalog");
    this.id = id;
  }

  public String id() {
    return id;
  }
}
