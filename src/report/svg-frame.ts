import type { Interval, LinearScale } from './svg-scale.ts';
import { linearScale } from './svg-scale.ts';

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Room for tick labels and axis titles. */
export const DEFAULT_MARGINS: Margins = { top: 16, right: 16, bottom: 44, left: 52 };

/** A drawing of width × height with its plot area (inside the margins) in SVG coordinates. */
export interface PlotFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export function plotFrame(width: number, height: number, margins: Margins = DEFAULT_MARGINS): PlotFrame {
  const frame = { width, height, left: margins.left, top: margins.top, right: width - margins.right, bottom: height - margins.bottom };
  if (!(frame.right > frame.left) || !(frame.bottom > frame.top)) {
    throw new RangeError(`plot area is empty: ${width}×${height} with margins ${JSON.stringify(margins)}`);
  }
  return frame;
}

/** Data-to-drawing maps of both axes; y grows upwards as in mathematics. */
export interface PlotScales {
  readonly x: LinearScale;
  readonly y: LinearScale;
}

export function plotScales(frame: PlotFrame, xDomain: Interval, yDomain: Interval): PlotScales {
  return {
    x: linearScale(xDomain, [frame.left, frame.right]),
    y: linearScale(yDomain, [frame.bottom, frame.top]),
  };
}
