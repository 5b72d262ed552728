package io.cratedigger.synth;

import io.cratedigger.track.Track;

/**
 * An original recording that later versions refer to: its track, its title without a version
 * suffix, its main style, its artist and the label that first released it.
 */
record Origin(Track track, String base, int style, Roster.Artist artist, Roster.Label label) {}
