/**
 * The demo district's 24 junior highs (初中学校) and their graduates
 * (应届毕业生数), 4,450 in all. The golden tests of the split use it, and the
 * platform's demo seed imports this same list: keep the shape stable.
 * Names are invented (示例区 = "example district").
 */
export type DemoJuniorHigh = { code: string; name: string; graduates: number };

export const demoJuniorHighs: readonly DemoJuniorHigh[] = [
  { code: 'JH01', name: '示例区第一中学', graduates: 312 },
  { code: 'JH02', name: '示例区第二中学', graduates: 286 },
  { code: 'JH03', name: '示例区第三中学', graduates: 265 },
  { code: 'JH04', name: '示例区第四中学', graduates: 248 },
  { code: 'JH05', name: '示例区第五中学', graduates: 231 },
  { code: 'JH06', name: '示例区第六中学', graduates: 219 },
  { code: 'JH07', name: '示例区实验中学', graduates: 357 },
  { code: 'JH08', name: '示例区外国语学校', graduates: 198 },
  { code: 'JH09', name: '示例区育才中学', graduates: 204 },
  { code: 'JH10', name: '示例区城关中学', graduates: 243 },
  { code: 'JH11', name: '示例区东城中学', graduates: 187 },
  { code: 'JH12', name: '示例区西城中学', graduates: 176 },
  { code: 'JH13', name: '示例区南湖中学', graduates: 165 },
  { code: 'JH14', name: '示例区北山中学', graduates: 152 },
  { code: 'JH15', name: '示例区新华中学', graduates: 171 },
  { code: 'JH16', name: '示例区红旗中学', graduates: 143 },
  { code: 'JH17', name: '示例区光明中学', graduates: 138 },
  { code: 'JH18', name: '示例区桥头镇中学', graduates: 126 },
  { code: 'JH19', name: '示例区河口镇中学', graduates: 117 },
  { code: 'JH20', name: '示例区石门镇中学', graduates: 104 },
  { code: 'JH21', name: '示例区柳林镇中学', graduates: 96 },
  { code: 'JH22', name: '示例区青山乡中学', graduates: 83 },
  { code: 'JH23', name: '示例区白水乡中学', graduates: 71 },
  { code: 'JH24', name: '示例区民族中学', graduates: 158 },
];
