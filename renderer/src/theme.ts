// Large, calm, readable: older staff on old monitors. System CJK fonts only (offline, CSP).
import { type CSSVariablesResolver, DEFAULT_THEME, type MantineColorsTuple, createTheme, darken, defaultVariantColorsResolver, parseThemeColor, rgba, type VariantColorsResolver } from '@mantine/core';

/** Text of light and subtle buttons in the darkest shade, so it stays readable on white. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'subtle' && input.variant !== 'light' && input.variant !== 'outline') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return colors;
  const ink = `var(--mantine-color-${parsed.color}-9)`;
  // Hover keeps a near-white background so the dark text stays readable.
  return {
    ...colors,
    color: ink,
    hoverColor: ink,
    hover: input.variant === 'outline' ? colors.hover : 'var(--mantine-color-gray-1)',
    border: input.variant === 'outline' ? `1px solid ${ink}` : colors.border,
  };
};

/** A Mantine palette with a deeper darkest shade, so text in it stays above 4.5:1 even on light grey or tinted backgrounds. */
const deepened = (name: keyof typeof DEFAULT_THEME.colors, darkest: string) => [...DEFAULT_THEME.colors[name].slice(0, 9), darkest] as unknown as MantineColorsTuple;

/**
 * Mantine's own shade 9 of these is under 4.5:1 on white (orange 4.3, green 4.4, lime 3.7, yellow 3.0): an outline
 * badge "处理中" in orange.9 failed the contrast check. Each one here reaches at least 5:1 on white, grey.1 and its own shade 0.
 */
const colors = {
  teal: deepened('teal', '#0b5e4f'),
  orange: deepened('orange', '#b33d0c'),
  green: deepened('green', '#237032'),
  lime: deepened('lime', '#46730b'),
  yellow: deepened('yellow', '#9c4f00'),
};

/**
 * The named inks of badges, status words and borders, each dark enough for white text at 4.5:1. Screens say
 * `color="danger"`, `c="warning"`, or `inkVar('danger')` in a style, never the hex itself.
 */
export const INKS = {
  /** The menu's lit entry (teal.9, with its own hover shade). */
  active: '#0b5e4f',
  /** Overdue, serious, failed, allergies. */
  danger: '#a61e1e',
  /** Due soon, a draft, on leave, needs a look. */
  warning: '#8a3c00',
  /** In residence, verified, in use, signed. */
  ok: '#0b6e4f',
  /** A care task or round done. */
  done: '#2b6a30',
  /** The edge of a resident card whose shift is all recorded. */
  leaf: '#2b8a3e',
  /** Inactive, left, minor, discharged. */
  muted: '#495057',
  /** Occupied beds, the current grade and tier. */
  info: '#0b4f8a',
  /** Waiting for someone (a danger being fixed, an aid price). */
  notice: '#1c4f82',
  /** A critical incident. */
  critical: '#7a0b0b',
  /** A free bed. */
  meadow: '#1b5e20',
  /** The county's words: accepted, on time. */
  forest: '#1e6b30',
  /** The county's words: already imported, corrected. */
  navy: '#1c4f8a',
  /** The county's words: refused, missing. */
  brick: '#b02525',
  /** The county's words: late, a correction. */
  rust: '#a34400',
} as const;
export type Ink = keyof typeof INKS;

/**
 * One ink as a Mantine palette that renders exactly as the hex did: every shade is the ink (filled, outline and text
 * all use it), except the light variant's tints (shades 1–2, 10 % and 12 %) and the filled hover (shade 8, 10 % darker).
 */
const inkPalette = (hex: string) => [hex, rgba(hex, 0.1), rgba(hex, 0.12), hex, hex, hex, hex, hex, darken(hex, 0.1), hex] as unknown as MantineColorsTuple;
const inkColors = Object.fromEntries(Object.entries(INKS).map(([name, hex]) => [name, inkPalette(hex)])) as Record<Ink, MantineColorsTuple>;

/** An ink (or any theme colour such as 'teal' or 'gray.5') as a CSS value, for style props: borders, backgrounds. */
/** A colour of this theme: an ink, the primary teal, or a palette shade such as 'gray.5'. */
export type ThemeColour = Ink | 'teal' | `${string}.${number}`;
export const inkVar = (color: ThemeColour) => (color.includes('.') ? `var(--mantine-color-${color.replace('.', '-')})` : `var(--mantine-color-${color}-filled)`);

export const theme = createTheme({
  variantColorResolver,
  colors: { ...colors, ...inkColors },
  fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  headings: { fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif' },
  fontSizes: { xs: '15px', sm: '16px', md: '18px', lg: '20px', xl: '24px' },
  primaryColor: 'teal',
  primaryShade: 9, // teal.9 on white passes WCAG AA contrast for 18px text
  defaultRadius: 'md',
  focusRing: 'always',
  components: {
    // Every dialog's × says what it does (screen readers).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': '关闭' } } },
    Button: { defaultProps: { size: 'md' } },
    // A status word cut to “已…” in a narrow table column says nothing: badges keep their whole label.
    Badge: { styles: { root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } } },
    // An alert's title in green.9/orange.9 is under 4.5:1 on white at 16px: the colour stays on the border.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)', fontSize: 'var(--mantine-font-size-lg)' } } },
    // A titled notification draws its message in gray-6 (3.3:1 at 14px): 「未保存」 and why must read at 3 a.m.
    Notification: { styles: { description: { color: 'var(--mantine-color-text)', fontSize: 'var(--mantine-font-size-md)' } } },
    TextInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    MultiSelect: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    SegmentedControl: { defaultProps: { size: 'md' } },
    DateInput: { defaultProps: { size: 'md' } },
  },
});

/** Mantine's default error red, dimmed grey and filled-hover teal are too light for WCAG AA (4.5:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-dimmed': '#495057',
    // Hovering a filled teal button must not lighten it below 4.5:1 behind white text.
    '--mantine-primary-color-filled-hover': '#0a5246',
    '--mantine-color-teal-filled-hover': '#0a5246',
  },
  dark: {},
});
