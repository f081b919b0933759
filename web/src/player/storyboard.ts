// Storyboard previews: the server's WebVTT maps time ranges to tiles of one sprite image
// (`storyboard.jpg#xywh=x,y,w,h`, relative to the VTT file).

export interface StoryboardTile {
  start: number;
  end: number;
  imageUrl: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function seconds(timestamp: string): number {
  const parts = timestamp.trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

export function parseStoryboardVtt(vtt: string, vttUrl: string): StoryboardTile[] {
  const tiles: StoryboardTile[] = [];
  const lines = vtt.split(/\r?\n/);
  for (let index = 0; index < lines.length - 1; index += 1) {
    const timing = /^(\S+)\s+-->\s+(\S+)/.exec(lines[index]!);
    const target = /^(.+)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(lines[index + 1]?.trim() ?? '');
    if (!timing || !target) continue;
    tiles.push({
      start: seconds(timing[1]!),
      end: seconds(timing[2]!),
      imageUrl: new URL(target[1]!, new URL(vttUrl, window.location.href)).href,
      x: Number(target[2]),
      y: Number(target[3]),
      width: Number(target[4]),
      height: Number(target[5]),
    });
  }
  return tiles;
}

export function tileAt(tiles: StoryboardTile[], time: number): StoryboardTile | undefined {
  return tiles.find((tile) => time >= tile.start && time < tile.end) ?? tiles.at(-1);
}
