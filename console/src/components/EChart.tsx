// ECharts in a React component: canvas rendering (thousands of points stay smooth), resized with
// its container so a chart fits a phone and a laptop alike. Only the chart types in use are
// bundled.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, height = 280, testId }: { option: ChartOption; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} data-testid={testId} style={{ width: '100%', height }} />;
}

/** Category-axis labels for buckets starting at `from`, `bucketMs` apart (UTC, as the API). */
export function bucketLabels(from: string, bucketMs: number, count: number): string[] {
  const start = Date.parse(from);
  const day = bucketMs >= 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const iso = new Date(start + i * bucketMs).toISOString();
    return day ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  });
}
