import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../core/data/formats/detectFormat';
import { pairTrainTestFiles, splitOf, testPartnerOf } from '../../../../core/data/formats/pairing';

const format = (name: string, head = ''): string => {
  const r = detectFormat(name, head);
  return r.ok ? r.value : `error: ${r.error.message}`;
};

describe('detectFormat', () => {
  it('goes by the extension where it decides', () => {
    expect(format('JapaneseVowels_TRAIN.ts')).toBe('ts');
    expect(format('a.ARFF')).toBe('arff');
    expect(format('x.json')).toBe('json');
    expect(format('ArrowHead_TRAIN.tsv')).toBe('ucr');
    expect(format('Old_TRAIN.txt')).toBe('ucr');
  });

  it('tells a wide UCR .csv from a long CSV by its header', () => {
    expect(format('w.csv', '1,0.5,0.25,NaN\n2,0.1,0.2,0.3\n')).toBe('ucr');
    expect(format('w.csv', '\ufeffsequence_id,t,label,x\r\n1,0,a,0.5\r\n')).toBe('long-csv');
    expect(format('w.csv', 'id;class;f1\n1;a;0.5\n')).toBe('long-csv');
  });

  it('sniffs the content of an unknown extension, and refuses what it cannot read', () => {
    expect(format('data', '{"sequences": []}')).toBe('json');
    expect(format('data', '% comment\n@RELATION x\n@ATTRIBUTE a NUMERIC\n')).toBe('arff');
    expect(format('data', '# comment\n@problemName X\n@data\n')).toBe('ts');
    expect(format('data', '1\t0.5\t0.7\n')).toBe('ucr');
    const refused = format('picture.png', '');
    expect(refused).toContain('.png');
    expect(refused).toContain('.arff');
  });
});

describe('TRAIN/TEST pairing', () => {
  it('finds the test partner of a training file, keeping its case', () => {
    expect(testPartnerOf('/d/JapaneseVowels_TRAIN.ts')).toBe('/d/JapaneseVowels_TEST.ts');
    expect(testPartnerOf('x_train.csv')).toBe('x_test.csv');
    expect(testPartnerOf('x.csv')).toBeNull();
    expect(splitOf('A_TEST.arff')).toEqual({ name: 'A', split: 'test' });
  });

  it('groups dropped files into datasets', () => {
    expect(
      pairTrainTestFiles([
        'B_TEST.ts',
        'own.json',
        'A_TRAIN.arff',
        'B_TRAIN.ts',
        'A_TEST.ts',
        'lonely_TEST.tsv',
      ]),
    ).toEqual([
      { train: 'A_TRAIN.arff', test: null },
      { train: 'B_TRAIN.ts', test: 'B_TEST.ts' },
      { train: 'own.json', test: null },
      { train: 'A_TEST.ts', test: null },
      { train: 'lonely_TEST.tsv', test: null },
    ]);
  });
});
