package io.cratedigger;

/**
 * A request asks for something the rules do not allow (a limit out of range, an unknown artist, a
 * minimum above its maximum): the asker's mistake, answered 400 by the API and exit code 1 by the
 * command line, with this one-line message as is. A plain {@link IllegalArgumentException} is a bug
 * of ours, not this: the server logs it and answers 500.
 */
public class InvalidRequestException extends IllegalArgumentException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
