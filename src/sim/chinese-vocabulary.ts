import { wordList } from './word-list.js';

/**
 * Chinese words for the placeholder prose of Chinese requests. Every character is a CJK
 * ideograph (U+4E00–U+9FFF), so each counts as one unit of length; punctuation is added apart.
 */
export const chineseNouns: readonly string[] = wordList(`
  城市 河流 山谷 森林 田野 村庄 街道 市场 桥梁 港口 灯塔 花园 果园 书房 工坊 厨房 窗户 庭院 档案 地图
  航线 季节 春天 夏天 秋天 冬天 早晨 黄昏 夜晚 天空 云层 雨水 风暴 海浪 潮汐 岸边 岛屿 山峰 道路 旅程
  故事 传说 记忆 习惯 传统 节日 仪式 邻居 旅人 商人 农民 工匠 教师 学生 学者 园丁 水手 画家 乐手 读者
  社区 家庭 世代 时代 时刻 边界 地区 气候 收成 种子 根系 枝叶 花朵 石头 泥土 沙粒 火焰 灯光 影子 镜子
  纹理 节奏 旋律 和声 画布 布料 丝线 篮子 账本 信件 日记 问题 答案 方法 技艺 思路 观念 理论 原则 理由
  目标 希望 勇气 耐心 喜悦 信任 自由 责任 风险 机会 选择 结果 影响 压力 对话 声音 语言 符号 手势 微笑
  颜色 光线 形状 轮廓 工具 仪器 机器 电路 屏幕 镜头 实验 样本 趋势 变化 成长 进步 工厂 农场 牧场 谷仓
  小屋 城堡 寺庙 剧场 舞台 价格 成本 价值 公司 制度 规则 合同 计划 日程 任务 项目 发明 设计 模型 抽屉
  箱子 瓶子 杯子 炉火 烟囱 灯笼 毯子 纽扣 口袋 绳索 链条 锤子 刷子 铅笔 墨水 纸张 信封 包裹 隧道 渡口
  马车 列车 码头 湖泊 溪流 瀑布 冰川 峡谷 草原 沙漠 丛林 鸟群 狐狸 兔子 鲸鱼 海龟 甲虫 蝴蝶 苹果 樱桃
  橄榄 蘑菇 面包 蜂蜜 菜谱 宴席 早餐 细节 视角 环境 能量 轨道 星辰 晶体 木材 砖瓦 屋顶 台阶 阳台 露台
`);

/** Chinese verbs, mostly transitive. */
export const chineseVerbs: readonly string[] = wordList(`
  塑造 收集 携带 跟随 测量 探索 检查 描述 解释 比较 平衡 安排 整理 连接 分开 结合 修补 恢复 保存 保护
  支持 培育 种植 收获 储存 分享 提供 呈现 接受 拒绝 欢迎 邀请 拜访 穿越 攀登 进入 引导 管理 举起 推动
  折叠 打开 填满 清洗 描绘 记录 捕捉 反映 回忆 想象 注意 观察 发现 揭示 隐藏 测试 确认 怀疑 信任 挑战
  抵抗 忍受 拥抱 适应 调整 改变 改进 简化 澄清 扩展 延伸 加深 软化 加强 放松 照亮 点燃 堆积 包装 装载
  庇护 滋养 照料 营救 寻回 替换 减少 增加 组合 演奏 排练 练习 学习 借用 赚取 投资 交换 购买 需要 包含
  调查 评估 请教 感谢 守护 编织 打磨 唤醒 承载 丈量
`);

/** Chinese adjectives, used before 的 or after 很/格外. */
export const chineseAdjectives: readonly string[] = wordList(`
  安静 稳定 明亮 狭窄 宽阔 温和 锋利 细心 耐心 好奇 遥远 古老 现代 熟悉 特别 普通 微妙 鲜明 苍白 温暖
  凉爽 寒冷 潮湿 干燥 肥沃 拥挤 隐秘 开放 脆弱 结实 柔软 响亮 清澈 朦胧 晴朗 冰冷 金色 银色 深红 翠绿
  沉默 空旷 稠密 稀疏 沉重 轻盈 迅速 缓慢 突然 恒久 罕见 丰富 慷慨 谦逊 骄傲 大胆 热切 诚实 忠诚 聪明
  熟练 优雅 朴素 简单 复杂 精巧 沿海 北方 南方 当地 共同 实用 珍贵 公平 勇敢 平静 紧张 欢快 庄重 认真
  重要 日常 活泼 警觉 周到 随意 整洁 曲折 笔直 高大 深邃 陡峭 平坦 光滑 粗糙 新鲜 香甜 清新 古朴 坚韧
  宁静 动荡 清爽
`);

/** Chinese adverbs, placed before a verb. */
export const chineseAdverbs: readonly string[] = wordList(`
  慢慢 悄悄 渐渐 常常 偶尔 忽然 仍然 已经 也许 显然 自然 默默 轻轻 缓缓 不断 再次 始终 依然 格外 时常
  一直 暗暗 静静 反复
`);

/** Openers followed by a comma. */
export const chineseOpeners: readonly string[] = wordList(`
  然而 同时 此外 于是 后来 起初 如今 其实 不过 因此 当然 或许 另外 随后 与此同时 在远处 在这里 多年以来
  每到清晨 到了傍晚
`);

/** Measure phrases before a noun. */
export const chineseMeasures: readonly string[] = wordList(
  '一座 一条 一片 一些 许多 每个 这些 那些 几位 一种',
);

/** Single-character nouns, to fill a sentence to an exact length. */
export const chineseShortNouns: readonly string[] = wordList(
  '山 水 光 风 雨 路 桥 门 树 花 石 火 云 海 城',
);
