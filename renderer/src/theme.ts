// Large, calm, readable: older staff on old monitors. System CJK fonts only (offline, CSP).
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  headings: { fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif' },
  fontSizes: { xs: '15px', sm: '16px', md: '18px', lg: '20px', xl: '24px' },
  primaryColor: 'teal',
  primaryShade: 8,
  defaultRadius: 'md',
  focusRing: 'always',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    MultiSelect: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    SegmentedControl: { defaultProps: { size: 'md' } },
  },
});
