import { createTheme, type MantineColorsTuple } from '@mantine/core';

// System fonts only (nothing downloaded at run time), ordered so Japanese renders with a proper gothic face.
const fontFamily = [
  'system-ui',
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Noto Sans JP"',
  '"Noto Sans CJK JP"',
  '"Yu Gothic UI"',
  'Meiryo',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

const koe: MantineColorsTuple = [
  '#eef1ff',
  '#dce0fa',
  '#b6bdf0',
  '#8d98e6',
  '#6a78de',
  '#5465d9',
  '#485bd8',
  '#394bc0',
  '#3142ad',
  '#25389a',
];

export const theme = createTheme({
  primaryColor: 'koe',
  primaryShade: 6,
  colors: { koe },
  fontFamily,
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK JP", monospace',
  headings: { fontFamily, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    Modal: { defaultProps: { centered: true } },
    Badge: { defaultProps: { tt: 'none' } },
  },
});
