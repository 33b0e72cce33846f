/**
 * The 12-month trend chart, drawn with Apache ECharts (only the parts used: line + bar charts,
 * grid, tooltip, legend, canvas). Loaded lazily by the unit page, so the first page stays light.
 */
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export interface TrendSeries {
  labels: string[]
  totals: (number | null)[]
  dossiers: number[]
  max: number
}

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** Draw the chart into `el`; returns a function that removes it. */
export function drawTrend(el: HTMLElement, data: TrendSeries): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'canvas', locale: 'EN' })
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    grid: { left: 48, right: 56, top: 40, bottom: 40 },
    legend: { top: 0, data: ['Tổng điểm', 'Số hồ sơ'] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? vi.format(v) : '—'),
    },
    xAxis: { type: 'category', data: data.labels },
    yAxis: [
      { type: 'value', name: 'Điểm', min: 0, max: data.max, axisLabel: { formatter: (v: number) => vi.format(v) } },
      { type: 'value', name: 'Hồ sơ', splitLine: { show: false }, axisLabel: { formatter: (v: number) => vi.format(v) } },
    ],
    series: [
      { name: 'Số hồ sơ', type: 'bar', yAxisIndex: 1, data: data.dossiers, itemStyle: { color: '#c7d7ea' }, barMaxWidth: 28 },
      { name: 'Tổng điểm', type: 'line', data: data.totals, connectNulls: false, symbolSize: 7, lineStyle: { width: 3, color: '#0b5394' }, itemStyle: { color: '#0b5394' } },
    ],
  })
  const resize = () => chart.resize()
  window.addEventListener('resize', resize)
  return () => {
    window.removeEventListener('resize', resize)
    chart.dispose()
  }
}
