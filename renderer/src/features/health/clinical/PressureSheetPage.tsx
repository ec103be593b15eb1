// Interim (the printable page lands in the next commit).
export const PressureSheetPage = () => null;
