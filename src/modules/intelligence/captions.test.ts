import assert from 'node:assert/strict';
import { test } from 'node:test';
import { subtitlePlaylist, toWebVtt, withSubtitles } from './captions.ts';

const MASTER =
  '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n360p/index.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720\n720p/index.m3u8\n';

test('WebVTT cues carry escaped text and millisecond timestamps', () => {
  assert.equal(
    toWebVtt([{ startSeconds: 61.5, endSeconds: 3723.25, text: 'a <b> & c' }]),
    'WEBVTT\n\n1\n00:01:01.500 --> 01:02:03.250\na &lt;b&gt; &amp; c\n',
  );
});

test('the master playlist lists the subtitles once, however often it is rewritten, and can drop them again', () => {
  const once = withSubtitles(MASTER, 'en');
  assert.equal(withSubtitles(once, 'en'), once);
  assert.match(
    once,
    /#EXT-X-VERSION:3\n#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="subs\/en.m3u8"\n#EXT-X-STREAM-INF/,
  );
  assert.equal(once.match(/SUBTITLES="subs"/g)?.length, 2);
  assert.equal(withSubtitles(once, null), MASTER);
});

test('the subtitle playlist is one VOD segment as long as the video', () => {
  assert.match(
    subtitlePlaylist('en', 12.3),
    /#EXT-X-TARGETDURATION:13\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:12.300,\nen.vtt\n#EXT-X-ENDLIST/,
  );
});
