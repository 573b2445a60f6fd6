/** The flags every part understands: --quick, --fresh. */
export function args() {
  const argv = process.argv.slice(2);
  return {
    quick: argv.includes('--quick'),
    fresh: argv.includes('--fresh'),
  };
}
