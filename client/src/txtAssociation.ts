// Whether `files.associations` already says what .txt files are (any language), so onboarding does not
// ask. Kept free of the vscode module so it is unit-tested.

export function associatesTxt(associations: Readonly<Record<string, unknown>> | undefined): boolean {
  return Object.entries(associations ?? {}).some(
    ([glob, language]) => /\.txt$/i.test(glob.trim()) && typeof language === 'string' && language !== '',
  );
}
